using Microsoft.AspNetCore.Http;

namespace Modular.Modules.Study.Pages.Sessions;

/// <summary>
/// Records a session of a plan: date, topic, speaker, the planned month it carries out, attendance ticked from the
/// roster, notes. While org-life is on, a session held as a meeting (a Party group meeting, a theme Party day) links
/// it instead: date, title and attendance come from the meeting, and a snapshot is kept for when org-life is off. Optional
/// material files go with it. The office keeps every plan's sessions, a branch secretary their own branch's
/// (<see cref="StudyAccess.CanKeepAsync"/>); for anyone else there is no such page (404).
/// </summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class EditModel(StudyDbContext db, StudyPlans plans, StudyAccess access, SessionMaterials materials, ISharedRecords shared, IAgencyClock clock,
    IStringLocalizer<StudyModule> T) : PageModel
{
    public const string MeetingKind = SharedRecordKinds.OrgLifeMeeting;

    public sealed class SessionForm
    {
        public DateOnly? Date { get; set; }
        public string? Topic { get; set; }
        public string? Speaker { get; set; }
        public int? PlanItemId { get; set; }
        public string? Notes { get; set; }
        public string? MeetingId { get; set; }
        public bool MeetingShown { get; set; }
        public List<int> Present { get; set; } = [];
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>The plan of a new session.</summary>
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty] public SessionForm Input { get; set; } = new();
    /// <summary>Material files added with this post.</summary>
    [BindProperty] public List<IFormFile> Materials { get; set; } = [];
    public FileRules FileRules => materials.Rules;
    /// <summary>The files kept with the session so far.</summary>
    public IReadOnlyList<StoredFileInfo> Files { get; private set; } = [];
    public StudyPlan StudyPlan { get; private set; } = null!;
    public StudySession? Existing { get; private set; }
    public IReadOnlyList<MemberInfo> Roster { get; private set; } = [];
    /// <summary>Held meetings to link; null while org-life does not answer.</summary>
    public IReadOnlyList<SharedRecord>? Meetings { get; private set; }

    private async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        if (Id is not null)
        {
            var sessions = tracked ? db.Sessions : db.Sessions.AsNoTracking();
            Existing = await sessions.Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == Id, ct);
            if (Existing is null) return false;
            Plan = Existing.PlanId;
        }
        if (Plan is null || await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Plan, ct) is not { } plan) return false;
        // Another branch's plan is not there for a secretary: the same answer as an id of another agency.
        if (!await access.CanKeepAsync(plan, ct)) return false;
        StudyPlan = plan;
        if (Existing is not null) Files = await materials.ListAsync(Existing.Id, ct);
        Roster = await plans.RosterAsync(plan, ct);
        if (shared.IsAvailable(MeetingKind))
        {
            var from = new DateOnly(plan.Year, 1, 1);
            var meetings = (await shared.SearchAsync(MeetingKind, new SharedRecordQuery(from, from.AddYears(1).AddDays(-1), Take: 100), ct))
                .Where(m => plan.Owner == PlanOwner.CentralGroup || m.OrganizationId is null || m.OrganizationId == plan.OrganizationId).ToList();
            if (Existing is { LinkedKind: MeetingKind, LinkedId: { } linked } && meetings.All(m => m.Id != linked)
                && (await shared.GetAsync(MeetingKind, [linked], ct)).GetValueOrDefault(linked) is { } current)
                meetings.Insert(0, current);
            Meetings = meetings;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct)) return NotFound();
        if (Existing is { } s)
            Input = new SessionForm
            {
                Date = s.Date, Topic = s.Topic, Speaker = s.Speaker, PlanItemId = s.PlanItemId, Notes = s.Notes, MeetingId = s.LinkedKind == MeetingKind ? s.LinkedId : null,
                Present = s.Attendees.Where(a => a.Present).Select(a => a.MemberId).ToList(), Version = s.Version,
            };
        else Input.Present = Roster.Select(m => m.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct)) return NotFound();
        var badDate = ModelState["Input.Date"]?.Errors.Count > 0 && Request.Form["Input.Date"].ToString().Length > 0;
        if (ModelState["Input.Date"]?.Errors.Count > 0) Input.Date = null;
        if (ModelState["Input.PlanItemId"]?.Errors.Count > 0) Input.PlanItemId = null;
        ModelState.Clear();
        SharedRecord? meeting = null;
        var meetingId = Input.MeetingId?.Trim();
        // A meeting posted that the picker does not offer (another agency's, or org-life since turned off) is refused.
        if (Input.MeetingShown && !string.IsNullOrEmpty(meetingId))
        {
            meeting = Meetings?.FirstOrDefault(m => m.Id == meetingId);
            if (meeting is null && Existing is { LinkedKind: MeetingKind } kept && kept.LinkedId == meetingId)
                meeting = new SharedRecord(MeetingKind, meetingId, kept.LinkedTitle ?? kept.Topic, kept.Date);
            if (meeting is null) ModelState.AddModelError("Input.MeetingId", T["Choose the meeting from the list."]);
        }
        if (meeting is not null)
        {
            Input.Date = meeting.Date;
            badDate = false;
            if (string.IsNullOrWhiteSpace(Input.Topic)) Input.Topic = meeting.Title.Length <= PlanRules.MaxTopic ? meeting.Title : null;
        }
        ModelState.AddProblems(PlanRules.CheckSession(Input.Date, badDate, Input.Topic, Input.Speaker, Input.Notes, StudyPlan.Year, clock.Today), T, "Input.");
        if (Input.PlanItemId is { } item && StudyPlan.Items.All(i => i.Id != item)) ModelState.AddModelError("Input.PlanItemId", T["Choose a month of the plan."]);
        // Every file is read and checked before anything is saved: one refused file keeps the whole form back.
        var uploads = await materials.ReadAsync(Materials, ModelState, nameof(Materials), ct);
        if (!ModelState.IsValid) return Page();
        var session = Existing ?? db.Sessions.Add(new StudySession { PlanId = StudyPlan.Id }).Entity;
        if (Existing is not null) db.Entry(session).Property(s => s.Version).OriginalValue = Input.Version;
        session.Date = Input.Date!.Value;
        session.Topic = Input.Topic!.Trim();
        session.Speaker = string.IsNullOrWhiteSpace(Input.Speaker) ? null : Input.Speaker.Trim();
        session.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        session.PlanItemId = Input.PlanItemId;
        if (Input.MeetingShown) Link(session, meeting);
        if (session.LinkedKind is null || meeting?.Attendees is null) TakeAttendance(session);
        // The session and its files commit together: never a session without the files sent with it, nor files of none.
        if (!await materials.SaveWithRecordAsync(db, c => this.TrySaveAsync(db, c), () => session.Id, uploads, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "/Plans/Details", new { id = StudyPlan.Id });
    }

    /// <summary>Removes one material file of the session.</summary>
    public async Task<IActionResult> OnPostRemoveMaterialAsync(int file, CancellationToken ct)
    {
        if (Id is null || !await LoadAsync(false, ct) || !await materials.RemoveAsync(Existing!.Id, file, ct)) return NotFound();
        return this.RedirectWithMessage(T["The file was removed."], "/Sessions/Edit", new { id = Id });
    }

    /// <summary>Deletes the session with its attendance and files (after the page's confirmation).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is null || !await LoadAsync(true, ct)) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Sessions.Remove(Existing!);
        await db.SaveChangesAsync(ct);
        await materials.RemoveAllAsync(Existing!.Id, db, ct);
        await transaction.CommitAsync(ct);
        return this.RedirectWithMessage(T["The session was deleted."], "/Plans/Details", new { id = StudyPlan.Id });
    }

    /// <summary>Attendance as ticked: the roster of the day, plus anyone recorded before who has since left it.</summary>
    private void TakeAttendance(StudySession session)
    {
        var present = Input.Present.ToHashSet();
        var ids = Roster.Select(m => m.Id).Concat(session.Attendees.Select(a => a.MemberId)).Distinct();
        foreach (var id in ids)
        {
            var row = session.Attendees.FirstOrDefault(a => a.MemberId == id);
            if (row is null) session.Attendees.Add(row = new SessionAttendee { MemberId = id });
            row.Present = present.Contains(id);
        }
    }

    /// <summary>Stores the link and its snapshot; the meeting's people, where org-life shows them, become the attendance.</summary>
    private static void Link(StudySession session, SharedRecord? meeting)
    {
        if (meeting is null)
        {
            session.LinkedKind = session.LinkedId = session.LinkedTitle = null;
            session.LinkedExpected = session.LinkedPresent = null;
            return;
        }
        session.LinkedKind = MeetingKind;
        session.LinkedId = meeting.Id;
        session.LinkedTitle = meeting.Title;
        if (meeting.Attendance is { } counts) { session.LinkedExpected = counts.Expected; session.LinkedPresent = counts.Present; }
        if (meeting.Attendees is not { } attendees) return;
        session.Attendees.Clear();
        foreach (var a in attendees) session.Attendees.Add(new SessionAttendee { MemberId = a.MemberId, Present = a.Present });
    }
}
