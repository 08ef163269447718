using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Campaigns;

/// <summary>Starts a campaign or edits one (the Party office).</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, CivilizationAccess access, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
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
        Leaders = await access.ChoicesAsync(ct);
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
        Leaders = await access.ChoicesAsync(ct);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError("Input.Name", T["Enter the campaign's name."]);
        else if (name.Length > 100) ModelState.AddModelError("Input.Name", T["At most {0} characters.", 100]);
        if (!Enum.IsDefined(Input.TitleLevel)) ModelState.AddModelError("Input.TitleLevel", T["Choose the title from the list."]);
        var titleName = Input.TitleName?.Trim();
        if (Input.TitleLevel == TitleLevel.Other && string.IsNullOrEmpty(titleName)) ModelState.AddModelError("Input.TitleName", T["Enter the title sought."]);
        else if (titleName is { Length: > 50 }) ModelState.AddModelError("Input.TitleName", T["At most {0} characters.", 50]);
        if (Input.Year is not (>= 2000 and <= 2100)) ModelState.AddModelError("Input.Year", T["Enter a year between 2000 and 2100."]);
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", T["Choose the status from the list."]);
        if (Input.LeaderMemberId is { } leader && Leaders.All(m => m.Id != leader) && leader != campaign?.LeaderMemberId)
            ModelState.AddModelError("Input.LeaderMemberId", T["Choose the leader from the list."]);
        if (Input.Note is { Length: > 2000 }) ModelState.AddModelError("Input.Note", T["At most {0} characters.", 2000]);
        if (!ModelState.IsValid) return Page();
        if (campaign is null) { campaign = new Campaign(); db.Campaigns.Add(campaign); }
        else if (campaign.Version != Input.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        else db.Entry(campaign).Property(c => c.Version).OriginalValue = Input.Version;
        campaign.Name = name!;
        campaign.TitleLevel = Input.TitleLevel;
        campaign.TitleName = Input.TitleLevel == TitleLevel.Other ? titleName : null;
        campaign.Year = Input.Year!.Value;
        campaign.Status = Input.Status;
        campaign.LeaderMemberId = Input.LeaderMemberId;
        campaign.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = campaign.Id });
    }
}
