using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Auditing;

/// <summary>
/// Appends audit lines one at a time, each chained to the last. A lock keeps the chain linear within
/// this process (and a database lock across instances); the transaction keeps a line and its link together.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, DatabaseSettings database, ILogger<AuditWriter> logger)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        await _lock.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await database.LockAsync(db, "audit-chain", ct); // other instances append to the same chain
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            foreach (var r in records)
            {
                var entry = new AuditEntry
                {
                    Time = Now(),
                    UserId = r.UserId,
                    UserName = Trim(r.UserName, 256),
                    AgencyId = r.AgencyId,
                    Action = Trim(r.Action, 80)!,
                    Target = Trim(r.Target, 200)!,
                    Details = Trim(r.Details, 4000),
                    Success = r.Success,
                    Address = Trim(r.Address, 64),
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.Compute(entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The audited change is already saved; losing its line must be loud.
            logger.LogCritical(ex, "Could not write {Count} audit line(s): {Actions}", records.Count, string.Join(", ", records.Select(r => r.Action)));
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>To the microsecond, as PostgreSQL keeps it, so the hash computed now verifies after a round trip.</summary>
    private static DateTime Now()
    {
        var ticks = DateTime.UtcNow.Ticks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }

    private static string? Trim(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
