using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Categories;

/// <summary>A campaign's categories in their order, moved up or down one step at a time (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class IndexModel(CivilizationDbContext db, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public sealed record Row(CriteriaCategory Category, int Items);

    [BindProperty(SupportsGet = true)] public int CampaignId { get; set; }
    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CampaignId, ct) is not { } campaign) return false;
        Campaign = campaign;
        var counts = await db.Items.AsNoTracking().Where(i => i.CampaignId == campaign.Id).GroupBy(i => i.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = (await db.Categories.AsNoTracking().Where(c => c.CampaignId == campaign.Id).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(c => new Row(c, counts.GetValueOrDefault(c.Id))).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Swaps the category with its neighbour; the order is first made 1..n so that equal orders cannot stall a move.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int category, string? direction, long version, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var categories = await db.Categories.Where(c => c.CampaignId == CampaignId).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct);
        var index = categories.FindIndex(c => c.Id == category);
        if (index < 0 || direction is not ("up" or "down")) return NotFound();
        if (categories[index].Version != version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        var other = direction == "up" ? index - 1 : index + 1;
        if (other < 0 || other >= categories.Count) return RedirectToPage(new { campaignId = CampaignId });
        (categories[index], categories[other]) = (categories[other], categories[index]);
        for (var i = 0; i < categories.Count; i++)
            if (categories[i].Order != i + 1) categories[i].Order = i + 1;
        db.Entry(categories[other]).Property(c => c.Version).OriginalValue = version;
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadAsync(ct);
            return Page();
        }
        return this.RedirectWithMessage(T["Moved: {0}.", categories[other].Name], null, new { campaignId = CampaignId });
    }
}
