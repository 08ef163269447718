using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Auditing;

public sealed record ChainReport(bool Intact, long Checked, long? BrokenAt);

/// <summary>Walks the whole log in order and recomputes every link; the first line that does not match is reported.</summary>
public sealed class AuditVerifier(HostDbContext db)
{
    private const int Batch = 5000;

    public async Task<ChainReport> VerifyAsync(CancellationToken ct)
    {
        long lastId = 0, count = 0;
        // The chain starts at the genesis value, or at the anchor a pruning recorded: removing the oldest
        // lines outside the portal leaves a start that neither explains.
        var first = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.PreviousHash }).FirstOrDefaultAsync(ct);
        if (first is not null && first.PreviousHash != AuditChain.Genesis
            && !await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "audit.prune" && e.Details!.EndsWith("anchor " + first.PreviousHash), ct))
            return new ChainReport(false, 0, first.Id);
        string? previous = null;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) return new ChainReport(true, count, null);
            foreach (var e in batch)
            {
                if ((previous is not null && e.PreviousHash != previous) || AuditChain.Compute(e) != e.Hash)
                    return new ChainReport(false, count, e.Id);
                previous = e.Hash;
                lastId = e.Id;
                count++;
            }
        }
    }
}
