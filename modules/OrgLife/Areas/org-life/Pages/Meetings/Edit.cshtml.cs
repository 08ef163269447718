using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>Plans a meeting of a branch in the user's care, or changes a plan; the expected attendees come from the roster.</summary>
public sealed class EditModel(OrgLifeDbContext db, OrgLifeAccess access, Roster roster, MeetingPlanner planner, MeetingNotices notices, IAgencyClock clock,
    OrgLifeSettings settings, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>The branch, chosen first (from the query string) so that hosts and groups can be offered.</summary>
    [BindProperty(SupportsGet = true)] public int? Branch { get; set; }
    [BindProperty] public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public OrganizationInfo? BranchInfo { get; private set; }
    public IReadOnlyList<OrganizationInfo> Groups { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Expected { get; private set; } = [];
    /// <summary>The branch's fixed theme Party day (day of the month).</summary>
    public int? ThemeDay { get; private set; }

    public sealed class MeetingInput
    {
        public MeetingType Type { get; set; }
        public int? GroupId { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? StartTime { get; set; }
        public string? Place { get; set; }
        public int? HostMemberId { get; set; }
        public string? Topic { get; set; }
        public long Version { get; set; }
    }

    private async Task<bool> LoadAsync(int? branchId, CancellationToken ct)
    {
        Branches = await access.RecordableBranchesAsync(await roster.BranchesAsync(ct), ct);
        if (Branches.Count == 0) return false;
        if (branchId is null && Branches.Count == 1) branchId = Branches[0].Id;
        BranchInfo = Branches.FirstOrDefault(b => b.Id == branchId);
        if (BranchInfo is not null)
        {
            Branch = BranchInfo.Id;
            Groups = await roster.GroupsOfAsync(BranchInfo.Id, ct);
            Members = await roster.PartyMembersAsync(BranchInfo.Id, ct);
            ThemeDay = (await settings.ThemeDaysAsync(ct))(BranchInfo.Id);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(MeetingType? type, CancellationToken ct)
    {
        Meeting? meeting = null;
        if (Id is not null)
        {
            meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, ct);
            if (meeting is null || !await access.CanRecordAsync(meeting.BranchId, ct)) return NotFound();
            if (meeting.Status != MeetingStatus.Planned) return RedirectToPage("Details", new { id = Id });
            Branch = meeting.BranchId;
        }
        if (!await LoadAsync(Branch, ct)) return NotFound();
        if (meeting is not null)
        {
            Input = new MeetingInput
            {
                Type = meeting.Type, GroupId = meeting.GroupId, Date = meeting.Date, StartTime = meeting.StartTime, Place = meeting.Place,
                HostMemberId = meeting.HostMemberId, Topic = meeting.Topic, Version = meeting.Version,
            };
        }
        else
        {
            Input.Type = type ?? MeetingType.BranchCommitteeMeeting;
            // A theme Party day is proposed on the branch's fixed day; other meetings a week ahead.
            Input.Date = Input.Type == MeetingType.ThemePartyDay && ThemeDay is { } day ? CadenceRules.NextThemeDay(clock.Today, day) : clock.Today.AddDays(7);
            if (BranchInfo is not null) Input.HostMemberId = await roster.SecretaryAsync(BranchInfo.Id, ct);
        }
        if (BranchInfo is not null) Expected = await planner.ExpectedAsync(Input.Type, BranchInfo.Id, Input.GroupId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Meeting? meeting = null;
        if (Id is not null)
        {
            meeting = await db.Meetings.Include(m => m.Attendees).FirstOrDefaultAsync(m => m.Id == Id, ct);
            if (meeting is null || !await access.CanRecordAsync(meeting.BranchId, ct)) return NotFound();
            if (meeting.Status != MeetingStatus.Planned) return RedirectToPage("Details", new { id = Id });
            Branch = meeting.BranchId;
        }
        if (!await LoadAsync(Branch, ct)) return NotFound();
        if (BranchInfo is null) ModelState.AddModelError(nameof(Branch), text["Choose a branch in your care."]);
        var plan = new PlanLine(Input.Type, Input.GroupId, Input.Date, Input.Place, Input.HostMemberId, Input.Topic);
        ModelState.AddProblems(MeetingPlanRules.Check(plan, Groups.Select(g => g.Id).ToList(), Members.Select(m => m.Id).ToList()), text, "Input.");
        if (!ModelState.IsValid)
        {
            if (BranchInfo is not null && Enum.IsDefined(Input.Type)) Expected = await planner.ExpectedAsync(Input.Type, BranchInfo.Id, Input.GroupId, ct);
            return Page();
        }
        meeting ??= new Meeting { BranchId = BranchInfo!.Id, Status = MeetingStatus.Planned };
        if (meeting.Id != 0) db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
        meeting.Type = Input.Type;
        meeting.GroupId = Input.Type == MeetingType.PartyGroupMeeting ? Input.GroupId : null;
        meeting.Date = Input.Date!.Value;
        meeting.StartTime = Input.StartTime;
        meeting.Place = Input.Place!.Trim();
        meeting.HostMemberId = Input.HostMemberId;
        meeting.Topic = Input.Topic!.Trim();
        await planner.SyncAttendeesAsync(meeting, ct);
        var planned = meeting.Id == 0;
        if (planned) db.Meetings.Add(meeting);
        if (!await this.TrySaveAsync(db, ct))
        {
            Expected = await planner.ExpectedAsync(Input.Type, BranchInfo!.Id, Input.GroupId, ct);
            return Page();
        }
        if (planned) await notices.PlannedAsync(meeting, Url.Page("Details", new { id = meeting.Id }), ct);
        return this.RedirectWithMessage(text["Saved."], "Details", new { id = meeting.Id });
    }
}
