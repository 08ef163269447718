using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Items;

/// <summary>Adds a criterion to a campaign's framework by hand, or edits one (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, PeopleLookup people, Framework framework, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public sealed class Form
    {
        public int? CategoryId { get; set; }
        public string? NewCategory { get; set; }
        public string? Code { get; set; }
        public string? Text { get; set; }
        /// <summary>As typed, so that "abc" is kept and explained rather than dropped by binding.</summary>
        public string? Points { get; set; }
        public int? OwnerMemberId { get; set; }
        public DateOnly? DueDate { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<CriteriaCategory> Categories { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Owners { get; private set; } = [];
    public bool HasEvidence { get; private set; }

    private async Task<CriteriaItem?> LoadAsync(bool track, CancellationToken ct)
    {
        CriteriaItem? item = null;
        if (Id is not null)
        {
            item = await (track ? db.Items : db.Items.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == Id, ct);
            if (item is null) return null;
            CampaignId = item.CampaignId;
            HasEvidence = await db.Evidence.AnyAsync(e => e.ItemId == item.Id, ct);
        }
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CampaignId, ct);
        if (campaign is null) return null;
        Campaign = campaign;
        Categories = await db.Categories.AsNoTracking().Where(c => c.CampaignId == campaign.Id).OrderBy(c => c.Order).ToListAsync(ct);
        Owners = await people.PartyMembersAsync(ct);
        return item ?? new CriteriaItem { CampaignId = campaign.Id };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(false, ct) is not { } item) return NotFound();
        Input = Id is null
            ? new Form { CategoryId = Categories.LastOrDefault()?.Id }
            : new Form { CategoryId = item.CategoryId, Code = item.Code, Text = item.Text, Points = item.Points.ToString("0.#", CultureInfo.InvariantCulture),
                OwnerMemberId = item.OwnerMemberId, DueDate = item.DueDate, Version = item.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is not { } item) return NotFound();
        var dueUnreadable = ModelState["Input.DueDate"] is { Errors.Count: > 0 };
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var checkedForm = CriterionRules.Check(new(Input.CategoryId, Input.NewCategory, Input.Code, Input.Text, Input.Points, Input.OwnerMemberId, Input.DueDate, dueUnreadable),
            Categories.Select(c => c.Id).ToList(), Owners.Select(m => m.Id).ToList(), item.OwnerMemberId);
        ModelState.AddProblems(checkedForm.Problems, T, "Input.");
        var newCategory = Input.NewCategory?.Trim();
        var code = Input.Code?.Trim();
        if (!ModelState.IsValid) return Page();
        if (Id is not null && item.Version != Input.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var categoryId = Input.CategoryId ?? 0;
        if (!string.IsNullOrEmpty(newCategory))
        {
            var category = await framework.CategoryAsync(Campaign.Id, newCategory, ct);
            await db.SaveChangesAsync(ct);
            categoryId = category.Id;
        }
        if (Id is null)
        {
            item.Order = (await db.Items.Where(i => i.CampaignId == Campaign.Id).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0) + 1;
            db.Items.Add(item);
        }
        else db.Entry(item).Property(i => i.Version).OriginalValue = Input.Version;
        item.CategoryId = categoryId;
        item.Code = string.IsNullOrEmpty(code) ? null : code;
        item.Text = Input.Text!.Trim();
        item.Points = checkedForm.Points;
        item.OwnerMemberId = Input.OwnerMemberId;
        item.DueDate = Input.DueDate;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        await tx.CommitAsync(ct);
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = item.Id });
    }

    /// <summary>Removes a criterion that has no evidence yet.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is null || await LoadAsync(true, ct) is not { } item) return NotFound();
        if (HasEvidence)
        {
            ModelState.AddModelError("", T["This criterion has evidence and cannot be removed."]);
            return Page();
        }
        db.Items.Remove(item);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Criterion removed."], "/Campaigns/Details", new { id = Campaign.Id });
    }
}
