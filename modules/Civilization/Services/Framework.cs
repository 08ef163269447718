namespace Modular.Modules.Civilization.Services;

/// <summary>A campaign's categories and the roll-up of its items' points, read in two queries.</summary>
public sealed class Framework(CivilizationDbContext db, IAgencyClock clock)
{

    /// <summary>A campaign's categories and scores; <paramref name="ItemCount"/> items in all.</summary>
    public sealed record View(IReadOnlyList<CriteriaCategory> Categories, ScoreRollup.Result Score, int ItemCount);

    public async Task<View> LoadAsync(int campaignId, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.CampaignId == campaignId).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct);
        var items = await db.Items.AsNoTracking().Where(i => i.CampaignId == campaignId)
            .Select(i => new ScoreRollup.Item(i.CategoryId, i.Points, i.Status, i.DueDate, i.AwaitingReview)).ToListAsync(ct);
        return new View(categories, ScoreRollup.Compute(categories.Select(c => c.Id), items, clock.Today), items.Count);
    }

    /// <summary>The category of that name in the campaign, created at the end when new.</summary>
    public async Task<CriteriaCategory> CategoryAsync(int campaignId, string name, CancellationToken ct)
    {
        var existing = db.Categories.Local.FirstOrDefault(c => c.CampaignId == campaignId && c.Name == name)
            ?? await db.Categories.FirstOrDefaultAsync(c => c.CampaignId == campaignId && c.Name == name, ct);
        if (existing is not null) return existing;
        var order = Math.Max(db.Categories.Local.Where(c => c.CampaignId == campaignId).Select(c => c.Order).DefaultIfEmpty(0).Max(),
            await db.Categories.Where(c => c.CampaignId == campaignId).Select(c => (int?)c.Order).MaxAsync(ct) ?? 0) + 1;
        var category = new CriteriaCategory { CampaignId = campaignId, Name = name, Order = order };
        db.Categories.Add(category);
        return category;
    }
}
