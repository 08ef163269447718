namespace Modular.Modules.Civilization.Services;

/// <summary>A criterion's evidence and review as stored: the changes <see cref="ItemRules"/> decides, made to the item and its entries.</summary>
public sealed class ItemEvidence(CivilizationDbContext db, EvidenceFiles files, ICurrentMember me, IAgencyClock clock)
{
    public const int Attempts = 3;

    /// <summary>
    /// Adds an entry with its files (checked already) and puts the item in review. A review saved at the same moment
    /// changes the item's stamp: the item is read again and flagged once more, up to <see cref="Attempts"/> times.
    /// </summary>
    public async Task SubmitAsync(int itemId, string text, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var entry = new Evidence { ItemId = itemId, Text = text, SubmittedByMemberId = await me.IdAsync(ct), SubmittedAt = clock.UtcNow.UtcDateTime };
        db.Evidence.Add(entry);
        // The entry, the item's state and the files commit together (evidence never lacks its files). A stale stamp is
        // no database error: the transaction goes on for the next attempt.
        await files.SaveWithRecordAsync(db, async c =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var item = await db.Items.FirstAsync(i => i.Id == itemId, c);
                Apply(item, ItemRules.AfterEvidence(StateOf(item)));
                try
                {
                    await db.SaveChangesAsync(c);
                    return true;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    db.Entry(item).State = EntityState.Detached;
                }
            }
        }, () => entry.Id, uploads, ct);
    }

    /// <summary>
    /// Removes an entry and puts the item back as the remaining evidence leaves it (<see cref="ItemRules.AfterEvidenceDeleted"/>);
    /// false when the entry is gone. The caller saves, and then removes the entry's files, in one transaction.
    /// </summary>
    public async Task<bool> DeleteAsync(int itemId, int entryId, CancellationToken ct)
    {
        var row = await db.Evidence.FirstOrDefaultAsync(e => e.Id == entryId && e.ItemId == itemId, ct);
        if (row is null) return false;
        db.Evidence.Remove(row);
        var item = await db.Items.FirstAsync(i => i.Id == itemId, ct);
        var remaining = await db.Evidence.AsNoTracking().Where(e => e.ItemId == itemId && e.Id != entryId).Select(e => e.SubmittedAt).ToListAsync(ct);
        Apply(item, ItemRules.AfterEvidenceDeleted(StateOf(item), item.ReviewedAt, remaining));
        return true;
    }

    /// <summary>The reviewer's mark on the item as the reviewer saw it (<paramref name="version"/>); the caller saves.</summary>
    public async Task ReviewAsync(int itemId, long version, ItemStatus status, string? comment, CancellationToken ct)
    {
        var item = await db.Items.FirstAsync(i => i.Id == itemId, ct);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        Apply(item, ItemRules.AfterReview(status));
        item.ReviewComment = string.IsNullOrEmpty(comment) ? null : comment;
        item.ReviewerMemberId = await me.IdAsync(ct);
        item.ReviewedAt = clock.UtcNow.UtcDateTime;
    }

    private static ItemRules.State StateOf(CriteriaItem item) => new(item.Status, item.AwaitingReview);

    private static void Apply(CriteriaItem item, ItemRules.State state)
    {
        item.Status = state.Status;
        item.AwaitingReview = state.AwaitingReview;
    }
}
