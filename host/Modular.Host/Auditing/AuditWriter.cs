using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Auditing;

/// <summary>
/// Appends audit lines one at a time, each chained to the last, and moves the chain's sealed head (checkpoint) with
/// them. A lock keeps the chain linear within this process (and a database lock across instances); the transaction
/// keeps a line, its link and the head together.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, DatabaseLocks locks, AuditChainKey keys, TimeProvider clock, ILogger<AuditWriter> logger,
    Operations.HostMetrics metrics)
{
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        try
        {
            await RunLockedAsync((db, key) => AppendLockedAsync(db, key, records, 0, ct), ct);
            metrics.AuditLines(records.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The audited change is already saved; losing its line must be loud.
            logger.LogCritical(ex, "Could not write {Count} audit line(s): {Actions}", records.Count, string.Join(", ", records.Select(r => r.Action)));
            throw;
        }
    }

    /// <summary>
    /// At start: makes sure the chain has its key and a sealed head. A database from before either gets them now; the
    /// event says from which line on the chain is keyed, so older lines are known to verify without the key.
    /// </summary>
    public Task StartAsync(CancellationToken ct = default) => RunLockedAsync(async (db, key) =>
    {
        var head = await db.AuditCheckpoints.AnyAsync(c => c.Id == AuditCheckpoint.HeadId, ct);
        if (key.Created && key.State.KeyedAfterId > 0)
            await AppendLockedAsync(db, key, [new AuditRecord("audit.key-created", "AuditLog",
                $"chain keyed (HMAC-SHA256) from the line after #{key.State.KeyedAfterId}; lines up to #{key.State.KeyedAfterId} were written without a key and verify as before",
                true, null, "system", null, null)], 0, ct);
        else if (!head && await db.AuditEntries.AnyAsync(ct))
            await AppendLockedAsync(db, key, [new AuditRecord("audit.checkpoint-created", "AuditLog",
                "head of the chain anchored (checkpoint) at this line", true, null, "system", null, null)], 0, ct);
    }, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction holding the chain's locks, with the chain's key (generated on the
    /// first run if there is none): for the writer and for the retention pruner, which must not interleave.
    /// </summary>
    internal async Task RunLockedAsync(Func<HostDbContext, (AuditKeyState State, bool Created), Task> work, CancellationToken ct)
    {
        var candidate = keys.Known ? ((byte[], string)?)null : keys.NewKey();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        (AuditKeyState State, bool Created) key = default;
        // In this process and across instances: other instances append to the same chain.
        await locks.InTransactionAsync(db, DatabaseLocks.AuditChain, async () =>
        {
            key = await keys.LoadAsync(db, candidate, ct);
            await work(db, key);
            return true;
        }, ct);
        if (key is { Created: true, State: { } state }) keys.Remember(state);
    }

    /// <param name="removed">Lines the caller removed from the start of the log in this transaction (the pruner).</param>
    internal async Task AppendLockedAsync(HostDbContext db, (AuditKeyState State, bool Created) key, IReadOnlyList<AuditRecord> records, long removed, CancellationToken ct)
    {
        var head = await db.AuditCheckpoints.FirstOrDefaultAsync(c => c.Id == AuditCheckpoint.HeadId, ct);
        // The last line is read only where the head does not say it already (a new database, or one from before checkpoints).
        var last = head is { LastHash.Length: > 0 } ? null
            : await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        // A head changed outside the portal is not sealed again: the verifier keeps reporting it.
        var sealedBefore = head is null || head.Seal == AuditChain.Seal(head, key.State.Key);
        if (head is null)
        {
            // First head (a new database, or one from before checkpoints): it counts what is there now.
            head = new AuditCheckpoint { Id = AuditCheckpoint.HeadId, Count = await db.AuditEntries.LongCountAsync(ct) + removed };
            db.AuditCheckpoints.Add(head);
        }
        // Chained to the head, not to whatever line is last now: lines deleted at the end stay a visible gap.
        var previous = head.LastHash is { Length: > 0 } h ? h : last?.Hash ?? AuditChain.Genesis;
        var entries = new List<AuditEntry>();
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
            // The key applies to every line written from now on; ids only grow under the lock.
            entry.Hash = AuditChain.Compute(entry, key.State.Key);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
            entries.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        head.Count += entries.Count - removed;
        if (entries.Count > 0)
        {
            head.LastEntryId = entries[^1].Id;
            head.LastHash = entries[^1].Hash;
        }
        else if (last is not null)
        {
            head.LastEntryId = last.Id;
            head.LastHash = last.Hash;
        }
        head.Time = Now();
        head.Seal = sealedBefore ? AuditChain.Seal(head, key.State.Key) : "";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>To the microsecond, as PostgreSQL keeps it, so the hash computed now verifies after a round trip.</summary>
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }

    private static string? Trim(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
