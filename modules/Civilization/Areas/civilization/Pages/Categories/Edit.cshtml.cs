using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Categories;

/// <summary>Renames a category of a campaign's framework, or removes one that has no criteria (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, IStringLocalizer<CivilizationModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public long Version { get; set; }
    public Campaign Campaign { get; private set; } = null!;
    public CriteriaCategory Category { get; private set; } = null!;
    public int Items { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Categories.FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } category) return false;
        Category = category;
        Campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == category.CampaignId, ct);
        Items = await db.Items.CountAsync(i => i.CategoryId == category.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Name = Category.Name;
        Version = Category.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError(nameof(Name), T["Enter the category's name."]);
        else if (name.Length > FrameworkSheet.MaxCategoryLength) ModelState.AddModelError(nameof(Name), T["At most {0} characters.", FrameworkSheet.MaxCategoryLength]);
        else if (await db.Categories.AnyAsync(c => c.CampaignId == Category.CampaignId && c.Id != Category.Id && c.Name == name, ct))
            ModelState.AddModelError(nameof(Name), T["This campaign already has a category called {0}.", name]);
        if (Version != Category.Version) ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
        if (!ModelState.IsValid) return Page();
        db.Entry(Category).Property(c => c.Version).OriginalValue = Version;
        Category.Name = name!;
        if (!await SavedAsync(ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Index", new { campaignId = Campaign.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        Name = Category.Name;
        if (Items > 0)
        {
            ModelState.AddModelError("", T["{0} still has {1} criteria and cannot be removed. Move them to another category or remove them first.", Category.Name, Items]);
            return Page();
        }
        if (Version != Category.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        db.Entry(Category).Property(c => c.Version).OriginalValue = Version;
        db.Categories.Remove(Category);
        if (!await SavedAsync(ct)) return Page();
        return this.RedirectWithMessage(T["Category removed: {0}.", Category.Name], "Index", new { campaignId = Campaign.Id });
    }

    /// <summary>
    /// Saves; when someone else got there first (a stale stamp, the same name saved at the same moment (the unique
    /// index), an item added to the category meanwhile (the foreign key)), shows the portal's one message instead.
    /// </summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return false;
        }
    }
}
