using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Civilization.Data;
using Modular.Modules.Civilization.Domain;
using Modular.Modules.Civilization.Services;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Pages.Campaigns;

/// <summary>Starts a campaign or edits one (the Party office).</summary>
public sealed class EditModel(CivilizationDbContext db, CivilizationAccess access, People people, IStringLocalizer<CivilizationModule> T) : PageModel
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
        if (!access.IsManager) return NotFound();
        Leaders = await people.ChoicesAsync(ct);
        if (Id is null)
        {
            Input = new Form { Year = DateTime.Today.Year };
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
        if (!access.IsManager) return NotFound();
        Campaign? campaign = null;
        if (Id is not null && (campaign = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        StoredName = campaign?.Name;
        Leaders = await people.ChoicesAsync(ct);
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
            ModelState.AddModelError("", T["Someone else changed this while you were editing. Reload the page and make your change again."]);
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        TempData["Message"] = T["Saved."].Value;
        return RedirectToPage("Details", new { id = campaign.Id });
    }
}
