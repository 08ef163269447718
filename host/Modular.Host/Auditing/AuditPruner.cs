using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Security;

namespace Modular.Host.Auditing;

/// <summary>
/// Removes audit lines older than the retention period (never less than 180 days), once a day. The oldest
/// line kept then anchors the chain; the removal itself is recorded.
/// </summary>
public sealed class AuditPruner(IServiceScopeFactory scopes, SecurityOptions security, TimeProvider clock, ILogger<AuditPruner> logger) : BackgroundService
{
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-security.EffectiveAuditRetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        // The hash of the last line removed becomes the anchor of what remains; the prune line records it.
        var lastRemoved = await db.AuditEntries.Where(e => e.Time < cutoff).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (lastRemoved is null) return 0;
        var removed = await db.AuditEntries.Where(e => e.Time < cutoff).ExecuteDeleteAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .WriteAsAsync("system", "audit.prune", "AuditLog", $"{removed} lines older than {cutoff:yyyy-MM-dd}; anchor {lastRemoved}", true, ct);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
