namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>Plans or edits a warning-education session; a new one takes its expected attendees from the roster.</summary>
[RequirePermission(IntegrityModule.ManagePermission)]
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class SessionForm
    {
        public WarningKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public string? Title { get; set; }
        public string? Place { get; set; }
        public int? OrganizationId { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public SessionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var w = await db.WarningSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (w is null) return NotFound();
            Input = new SessionForm { Kind = w.Kind, Date = w.Date, Title = w.Title, Place = w.Place, OrganizationId = w.OrganizationId, Version = w.Version };
        }
        await LoadChoicesAsync(access, people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        WarningEducation? existing = null;
        if (Id is not null && (existing = await db.WarningSessions.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var badDate = BadDate("Input.Date");
        ModelState.Remove("Input.Date");
        ModelState.Remove("Input.OrganizationId");
        Input.Title = Input.Title?.Trim();
        var departments = (await access.DepartmentsAsync(ct)).Select(o => o.Id).ToHashSet();
        ModelState.AddProblems(WarningRules.Check(new(Input.Date, badDate, Input.Title, Input.Place, Input.OrganizationId), departments), T, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        var session = existing ?? db.WarningSessions.Add(new WarningEducation()).Entity;
        if (existing is not null) db.Entry(session).Property(w => w.Version).OriginalValue = Input.Version;
        session.Kind = Input.Kind;
        session.Date = Input.Date!.Value;
        session.Title = Input.Title!;
        session.Place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
        if (existing is null)
        {
            // The roster of the day: the organisation's Party members (with its groups), or the whole agency's.
            session.OrganizationId = Input.OrganizationId;
            foreach (var m in await access.SessionRosterAsync(Input.OrganizationId, ct))
                session.Attendees.Add(new WarningAttendee { MemberId = m.Id, Present = true });
        }
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = session.Id });
    }
}
