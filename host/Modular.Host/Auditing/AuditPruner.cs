using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Security;

namespace Modular.Host.Auditing;

/// <summary>
/// Removes audit lines older than the retention period (never less than 6 calendar months), once a day. The database
/// refuses to delete audit lines except inside the pruner's transaction, which opens a gate row (table AuditPruneGate) for its own
/// delete only. The oldest lines go as one block; the prune line records how many, their ids and times and the hash of the
/// last one removed: the anchor from which what remains verifies.
/// </summary>
public sealed class AuditPruner(AuditWriter writer, SecurityOptions security, TimeProvider clock, ILogger<AuditPruner> logger) : BackgroundService
{
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = security.AuditRetentionCutoff(clock.GetUtcNow().UtcDateTime);
        var removed = 0;
        await writer.RunLockedAsync(async (db, key) =>
        {
            var old = db.AuditEntries.Where(e => e.Time < cutoff);
            var lastId = await old.MaxAsync(e => (long?)e.Id, ct);
            if (lastId is null) return;
            var firstId = await old.MinAsync(e => e.Id, ct);
            var from = await old.MinAsync(e => e.Time, ct);
            var to = await old.MaxAsync(e => e.Time, ct);
            // Everything up to the newest old line: the chain loses a prefix, never a hole.
            var anchor = await db.AuditEntries.Where(e => e.Id == lastId).Select(e => e.Hash).SingleAsync(ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AuditPruneGate\" (\"Id\") VALUES (1)", ct);
            removed = await db.AuditEntries.Where(e => e.Id <= lastId).ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditPruneGate\"", ct);
            await writer.AppendLockedAsync(db, key, [new AuditRecord("audit.prune", "AuditLog",
                $"{removed} lines #{firstId}-#{lastId} ({from:yyyy-MM-dd HH:mm:ss} - {to:yyyy-MM-dd HH:mm:ss} UTC) older than {cutoff:yyyy-MM-dd}; anchor {anchor}",
                true, null, "system", null, null)], removed, ct);
        }, ct);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (security.AuditRetentionBelowBaseline(clock.GetUtcNow().UtcDateTime))
            logger.LogWarning("Security:AuditRetentionMonths/AuditRetentionDays asks for less than the baseline's 6 calendar months; audit lines are kept 6 months");
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Pruning the audit log failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
