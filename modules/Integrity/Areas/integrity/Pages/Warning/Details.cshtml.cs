namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>A session: attendance (ticked by the office), and each attendee's own optional reflections.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class DetailsModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, ISharedRecords shared,
    IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public WarningEducation Session { get; private set; } = null!;
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public string Who { get; private set; } = "";
    public bool CanEdit => access.IsManager;
    public WarningAttendee? Mine { get; private set; }
    /// <summary>The linked meeting as org-life shows it now; null when it does not answer (the stored snapshot shows).</summary>
    public SharedRecord? Meeting { get; private set; }
    /// <summary>Attendance comes from the linked meeting: nobody ticks it here.</summary>
    public bool AttendanceFromMeeting => Session.LinkedKind is not null;
    /// <summary>Present and expected: the meeting's (live, else its snapshot) when linked, else the ticked rows.</summary>
    public (int Present, int Expected) Counts => Meeting?.Attendance is { } live ? (live.Present, live.Expected)
        : Session is { LinkedPresent: { } p, LinkedExpected: { } e } ? (p, e)
        : (Session.Attendees.Count(a => a.Present), Session.Attendees.Count);
    [BindProperty] public List<int> Present { get; set; } = [];
    [BindProperty] public string? Reflection { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await db.WarningSessions.Include(w => w.Attendees).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (s is null) return false;
        Session = s;
        Roster = await people.NamesAsync(s.Attendees.Select(a => a.MemberId), ct);
        Who = s.OrganizationId is null ? T["Whole agency"] : await people.OrganizationNameAsync(s.OrganizationId, ct, missing: "—");
        var me = await currentMember.GetAsync(ct);
        Mine = me is null ? null : s.Attendees.FirstOrDefault(a => a.MemberId == me.Id);
        if (s is { LinkedKind: { } kind, LinkedId: { } linked }) Meeting = (await shared.GetAsync(kind, [linked], ct)).GetValueOrDefault(linked);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Reflection = Mine?.Reflection;
        return Page();
    }

    [RequirePermission(IntegrityModule.ManagePermission)]
    public async Task<IActionResult> OnPostAttendanceAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (AttendanceFromMeeting) return this.RedirectWithMessage(T["Attendance comes from the linked meeting."], null, new { id });
        var present = Present.ToHashSet();
        foreach (var a in Session.Attendees) a.Present = present.Contains(a.MemberId);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Attendance saved."], null, new { id });
    }

    public async Task<IActionResult> OnPostReflectionAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Mine is null) return NotFound();
        var text = Reflection?.Trim();
        if (text?.Length > 2000)
        {
            ModelState.AddModelError(nameof(Reflection), T["Reflections can be at most 2000 characters."]);
            return Page();
        }
        Mine.Reflection = string.IsNullOrEmpty(text) ? null : text;
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Saved."], null, new { id });
    }
}
