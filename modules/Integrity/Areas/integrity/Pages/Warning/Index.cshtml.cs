namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>Warning-education sessions: the year's progress against the target, and the list (filter, sort, paging on the server).</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, IModuleSettings settings, IAgencyClock clock) : IntegrityPage
{
    // Init properties, not a positional record: EF sorts and pages by them after the projection.
    public sealed record Row
    {
        public int Id { get; init; }
        public WarningKind Kind { get; init; }
        public DateOnly Date { get; init; }
        public string Title { get; init; } = "";
        public int? OrganizationId { get; init; }
        public int Expected { get; init; }
        public int Present { get; init; }
        public int Reflections { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public WarningKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);
    public int Held { get; private set; }
    public int Target { get; private set; }
    public int ShownYear { get; private set; }
    public bool CanEdit => access.IsManager;
    public IReadOnlyList<OrganizationInfo> Orgs { get; private set; } = [];

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, kind = Kind, year = Year, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        ShownYear = Year is { } y0 and >= 2000 and <= 2100 ? y0 : today.Year;
        Held = await WarningProgress.HeldAsync(db, ShownYear, today, ct);
        Target = Math.Max(1, settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting));
        Orgs = await people.OrganizationsAsync(ct);
        IQueryable<WarningEducation> query = db.WarningSessions;
        if (Kind is { } k) query = query.Where(w => w.Kind == k);
        if (Year is { } y and >= 2000 and <= 2100) query = query.Where(w => w.Date >= new DateOnly(y, 1, 1) && w.Date <= new DateOnly(y, 12, 31));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(w => w.Title.Contains(q) || (w.Place != null && w.Place.Contains(q)));
        }
        var rows = query.Select(w => new Row
        {
            // A session held as a meeting counts the meeting's attendance (its snapshot).
            Id = w.Id, Kind = w.Kind, Date = w.Date, Title = w.Title, OrganizationId = w.OrganizationId, Expected = w.LinkedExpected ?? w.Attendees.Count,
            Present = w.LinkedPresent ?? w.Attendees.Count(a => a.Present), Reflections = w.Attendees.Count(a => a.Reflection != null),
        });
        rows = Sort switch
        {
            "date" => rows.OrderBy(w => w.Date).ThenBy(w => w.Id),
            "title" => rows.OrderBy(w => w.Title).ThenBy(w => w.Id),
            "-title" => rows.OrderByDescending(w => w.Title).ThenBy(w => w.Id),
            _ => rows.OrderByDescending(w => w.Date).ThenByDescending(w => w.Id),
        };
        List = await PagedList<Row>.CreateAsync(rows, PageNumber, 20, ct);
        return Page();
    }
}
