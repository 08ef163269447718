using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Auditing;

/// <summary>What a verification found.</summary>
/// <param name="BrokenAt">The first line whose link does not match (changed, or one before it removed).</param>
public sealed record ChainReport(bool Intact, long Checked, long? BrokenAt)
{
    /// <summary>Lines missing at the end: the sealed head says the log reaches this line…</summary>
    public long? ExpectedLastId { get; init; }
    /// <summary>…and holds this many lines…</summary>
    public long? ExpectedCount { get; init; }
    /// <summary>…but the log ends here (null: it is empty).</summary>
    public long? LastId { get; init; }
    /// <summary>The head is missing or its seal does not match (it was changed outside the portal).</summary>
    public bool CheckpointInvalid { get; init; }
    /// <summary>The head and the lines disagree otherwise (count or hash of the line it names).</summary>
    public bool CheckpointMismatch { get; init; }
    /// <summary>Lines up to this id were written before the chain had a key and verify without one.</summary>
    public long? UnkeyedUpTo { get; init; }
    public bool MissingTail => ExpectedLastId is not null;
}

/// <summary>
/// Walks the whole log in order and recomputes every link (with the chain's key for the lines written since it
/// exists); the first line that does not match is reported. Then compares the end of the log with the sealed head
/// (checkpoint), which is how lines deleted at the end are found.
/// </summary>
public sealed class AuditVerifier(HostDbContext db, AuditChainKey keys)
{
    private const int Batch = 5000;

    public async Task<ChainReport> VerifyAsync(CancellationToken ct)
    {
        var key = await keys.ReadAsync(db, ct);
        var unkeyed = key.KeyedAfterId is > 0 and < long.MaxValue ? key.KeyedAfterId : (long?)null;
        // Read before the walk: lines appended meanwhile come after the line it names.
        var head = await db.AuditCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == AuditCheckpoint.HeadId, ct);
        long lastId = 0, count = 0, countToHead = 0;
        string? headLineHash = null;
        // The chain starts at the genesis value, or at the anchor a pruning recorded: removing the oldest
        // lines outside the portal leaves a start that neither explains.
        var first = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.PreviousHash }).FirstOrDefaultAsync(ct);
        if (first is not null && first.PreviousHash != AuditChain.Genesis
            && !await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "audit.prune" && e.Details!.EndsWith("anchor " + first.PreviousHash), ct))
            return new ChainReport(false, 0, first.Id) { UnkeyedUpTo = unkeyed };
        string? previous = null;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                if ((previous is not null && e.PreviousHash != previous) || AuditChain.Compute(e, key.KeyFor(e.Id)) != e.Hash)
                    return new ChainReport(false, count, e.Id) { UnkeyedUpTo = unkeyed };
                previous = e.Hash;
                lastId = e.Id;
                count++;
                if (head is not null && e.Id <= head.LastEntryId) countToHead++;
                if (head is not null && e.Id == head.LastEntryId) headLineHash = e.Hash;
            }
        }
        var report = new ChainReport(true, count, null) { UnkeyedUpTo = unkeyed, LastId = count == 0 ? null : lastId };
        if (head is null)
            // Every database gets its head at start; lines without one mean it was removed.
            return count == 0 ? report : report with { Intact = false, CheckpointInvalid = true };
        if (AuditChain.Seal(head, key.Key) != head.Seal) return report with { Intact = false, CheckpointInvalid = true };
        if (lastId < head.LastEntryId)
            return report with { Intact = false, ExpectedLastId = head.LastEntryId, ExpectedCount = head.Count };
        if (headLineHash != head.LastHash || countToHead != head.Count) return report with { Intact = false, CheckpointMismatch = true };
        return report;
    }
}
