namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>A session: attendance (ticked by the office), and each attendee's own optional reflections.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class DetailsModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public WarningEducation Session { get; private set; } = null!;
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public string Who { get; private set; } = "";
    public bool CanEdit => access.IsManager;
    public WarningAttendee? Mine { get; private set; }
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
