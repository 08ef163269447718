using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Campaigns;

/// <summary>Starts a campaign or edits one (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public TitleLevel TitleLevel { get; set; } = TitleLevel.ProvincialCivilizedUnit;
        public string? TitleName { get; set; }
        public int? Year { get; set; }
        public CampaignStatus Status { get; set; } = CampaignStatus.Planning;
        public int? LeaderMemberId { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public IReadOnlyList<MemberInfo> Leaders { get; private set; } = [];
    /// <summary>The campaign's stored name, for the breadcrumb (the field may be emptied in a failed post).</summary>
    public string? StoredName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Leaders = await people.PartyMembersAsync(ct);
        if (Id is null)
        {
            Input = new Form { Year = clock.Today.Year };
            return Page();
        }
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null) return NotFound();
        StoredName = c.Name;
        Input = new Form { Name = c.Name, TitleLevel = c.TitleLevel, TitleName = c.TitleName, Year = c.Year, Status = c.Status, LeaderMemberId = c.LeaderMemberId, Note = c.Note, Version = c.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Campaign? campaign = null;
        if (Id is not null && (campaign = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        StoredName = campaign?.Name;
        Leaders = await people.PartyMembersAsync(ct);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        ModelState.AddProblems(CampaignRules.Check(new(Input.Name, Input.TitleLevel, Input.TitleName, Input.Year, Input.Status, Input.LeaderMemberId, Input.Note),
            Leaders.Select(m => m.Id).ToList(), campaign?.LeaderMemberId), T, "Input.");
        if (!ModelState.IsValid) return Page();
        if (campaign is null) { campaign = new Campaign(); db.Campaigns.Add(campaign); }
        else if (campaign.Version != Input.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        else db.Entry(campaign).Property(c => c.Version).OriginalValue = Input.Version;
        campaign.Name = Input.Name!.Trim();
        campaign.TitleLevel = Input.TitleLevel;
        campaign.TitleName = Input.TitleLevel == TitleLevel.Other ? Input.TitleName?.Trim() : null;
        campaign.Year = Input.Year!.Value;
        campaign.Status = Input.Status;
        campaign.LeaderMemberId = Input.LeaderMemberId;
        campaign.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = campaign.Id });
    }
}
