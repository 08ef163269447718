using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Honours;

/// <summary>Records a title the agency won, or edits one (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public sealed class Form
    {
        public string? Title { get; set; }
        public int? Year { get; set; }
        public HonourLevel Level { get; set; } = HonourLevel.Municipal;
        public string? IssuingBody { get; set; }
        public int? CampaignId { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    /// <summary>A campaign that won its title: the new honour starts from it.</summary>
    [BindProperty(SupportsGet = true)] public int? FromCampaign { get; set; }
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];
    private Honour? _existing;

    private async Task<bool> LoadAsync(bool track, CancellationToken ct)
    {
        if (Id is not null && (_existing = await (track ? db.Honours : db.Honours.AsNoTracking()).FirstOrDefaultAsync(h => h.Id == Id, ct)) is null) return false;
        Campaigns = (await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct)) return NotFound();
        Input = _existing is { } h
            ? new Form { Title = h.Title, Year = h.Year, Level = h.Level, IssuingBody = h.IssuingBody, CampaignId = h.CampaignId, Version = h.Version }
            : new Form { Year = clock.Today.Year };
        if (_existing is null && FromCampaign is { } from && await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == from, ct) is { } won)
        {
            Input.CampaignId = won.Id;
            Input.Year = won.Year;
            Input.Title = won.TitleLevel == TitleLevel.Other ? won.TitleName : T[Labels.Title(won.TitleLevel)].Value;
            Input.Level = won.TitleLevel == TitleLevel.ProvincialCivilizedUnit ? HonourLevel.Provincial : HonourLevel.Municipal;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct)) return NotFound();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        ModelState.AddProblems(HonourRules.Check(new(Input.Title, Input.Year, Input.Level, Input.IssuingBody, Input.CampaignId), Campaigns.Select(c => c.Id).ToList()), T, "Input.");
        if (!ModelState.IsValid) return Page();
        var honour = _existing ?? new Honour();
        if (_existing is null) db.Honours.Add(honour);
        else if (_existing.Version != Input.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        else db.Entry(honour).Property(h => h.Version).OriginalValue = Input.Version;
        honour.Title = Input.Title!.Trim();
        honour.Year = Input.Year!.Value;
        honour.Level = Input.Level;
        honour.IssuingBody = Input.IssuingBody!.Trim();
        honour.CampaignId = Input.CampaignId;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct) || _existing is null) return NotFound();
        db.Honours.Remove(_existing);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Honour removed."], "Index");
    }
}
