namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>
/// Plans or edits a warning-education session; a new one takes its expected attendees from the roster. While org-life is
/// on, the session can link a held meeting (a theme Party day at an education base, say) instead: its date, place and
/// attendance come from the meeting, and a snapshot is kept for when org-life is off.
/// </summary>
[RequirePermission(IntegrityModule.ManagePermission)]
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, ISharedRecords shared, IAgencyClock clock,
    IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public const string MeetingKind = SharedRecordKinds.OrgLifeMeeting;

    public sealed class SessionForm
    {
        public WarningKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public string? Title { get; set; }
        public string? Place { get; set; }
        public int? OrganizationId { get; set; }
        /// <summary>The linked meeting's id; empty unlinks (only when the picker was shown).</summary>
        public string? MeetingId { get; set; }
        public bool MeetingShown { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public SessionForm Input { get; set; } = new();
    public WarningEducation? Existing { get; private set; }
    /// <summary>Held meetings to link; null while org-life does not answer (the picker is not shown).</summary>
    public IReadOnlyList<SharedRecord>? Meetings { get; private set; }

    private async Task LoadMeetingsAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(access, people, ct);
        if (!shared.IsAvailable(MeetingKind)) return;
        var today = clock.Today;
        var meetings = (await shared.SearchAsync(MeetingKind, new SharedRecordQuery(today.AddYears(-1), today, Take: 100), ct)).ToList();
        if (Existing is { LinkedKind: MeetingKind, LinkedId: { } linked } && meetings.All(m => m.Id != linked)
            && (await shared.GetAsync(MeetingKind, [linked], ct)).GetValueOrDefault(linked) is { } current)
            meetings.Insert(0, current);
        Meetings = meetings;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            Existing = await db.WarningSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (Existing is not { } w) return NotFound();
            Input = new SessionForm { Kind = w.Kind, Date = w.Date, Title = w.Title, Place = w.Place, OrganizationId = w.OrganizationId, MeetingId = w.LinkedKind == MeetingKind ? w.LinkedId : null, Version = w.Version };
        }
        await LoadMeetingsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is not null && (Existing = await db.WarningSessions.Include(w => w.Attendees).FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        await LoadMeetingsAsync(ct);
        var badDate = BadDate("Input.Date");
        ModelState.Remove("Input.Date");
        ModelState.Remove("Input.OrganizationId");
        Input.Title = Input.Title?.Trim();
        // Linked: the meeting gives date and place (and the title when none is typed); the kept link answers as its snapshot.
        var meetingId = Input.MeetingId?.Trim();
        var relink = Meetings is not null && Input.MeetingShown;
        SharedRecord? meeting = null;
        // A meeting posted that the picker does not offer (another agency's, or org-life since turned off) is refused.
        if (Input.MeetingShown && !string.IsNullOrEmpty(meetingId))
        {
            meeting = Meetings?.FirstOrDefault(m => m.Id == meetingId);
            if (meeting is null && Existing is { LinkedKind: MeetingKind } kept && kept.LinkedId == meetingId)
                meeting = new SharedRecord(MeetingKind, meetingId, kept.LinkedTitle ?? kept.Title, kept.Date, kept.Place);
            if (meeting is null) ModelState.AddModelError("Input.MeetingId", T["Choose the meeting from the list."]);
        }
        if (meeting is not null)
        {
            Input.Date = meeting.Date;
            Input.Place = meeting.Place;
            badDate = false;
            if (string.IsNullOrEmpty(Input.Title)) Input.Title = meeting.Title.Length <= WarningRules.MaxTitle ? meeting.Title : null;
        }
        var departments = (await access.DepartmentsAsync(ct)).Select(o => o.Id).ToHashSet();
        // A linked new session takes its people from the meeting, not from a roster chosen here.
        var organization = meeting is null ? Input.OrganizationId : null;
        ModelState.AddProblems(WarningRules.Check(new(Input.Date, badDate, Input.Title, Input.Place, organization), departments), T, "Input.");
        if (!ModelState.IsValid) return Page();
        var session = Existing ?? db.WarningSessions.Add(new WarningEducation()).Entity;
        if (Existing is not null) db.Entry(session).Property(w => w.Version).OriginalValue = Input.Version;
        session.Kind = Input.Kind;
        session.Date = Input.Date!.Value;
        session.Title = Input.Title!;
        session.Place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
        if (relink) Link(session, meeting);
        if (Existing is null && meeting is null)
        {
            // The roster of the day: the organisation's Party members (with its groups), or the whole agency's.
            session.OrganizationId = Input.OrganizationId;
            foreach (var m in await access.SessionRosterAsync(Input.OrganizationId, ct))
                session.Attendees.Add(new WarningAttendee { MemberId = m.Id, Present = true });
        }
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = session.Id });
    }

    /// <summary>Stores the link and its snapshot; the meeting's people, where org-life shows them to the user, become the attendance.</summary>
    private void Link(WarningEducation session, SharedRecord? meeting)
    {
        if (meeting is null)
        {
            if (session.LinkedKind is null) return;
            // Unlinked: the last snapshot's attendance stays as typed attendance would (ticked on the session's page).
            session.LinkedKind = session.LinkedId = session.LinkedTitle = null;
            session.LinkedExpected = session.LinkedPresent = null;
            return;
        }
        session.LinkedKind = MeetingKind;
        session.LinkedId = meeting.Id;
        session.LinkedTitle = meeting.Title;
        if (meeting.OrganizationId is { } branch) session.OrganizationId = branch;
        if (meeting.Attendance is { } counts) { session.LinkedExpected = counts.Expected; session.LinkedPresent = counts.Present; }
        if (meeting.Attendees is not { } attendees) return;
        var plan = WarningRules.TakeAttendance(session.Attendees.Select(a => (a.MemberId, a.Reflection is not null)), attendees);
        foreach (var row in session.Attendees.ToList())
        {
            if (plan[row.MemberId] is { } present) row.Present = present;
            else session.Attendees.Remove(row);
        }
        var have = session.Attendees.Select(a => a.MemberId).ToHashSet();
        foreach (var (member, present) in plan.Where(p => p.Value is not null && !have.Contains(p.Key)))
            session.Attendees.Add(new WarningAttendee { MemberId = member, Present = present!.Value });
    }
}
