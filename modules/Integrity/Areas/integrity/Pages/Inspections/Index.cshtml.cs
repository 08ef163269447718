namespace Modular.Modules.Integrity.Pages.Inspections;

/// <summary>Inspections (明察暗访) of the agency, for the office and discipline inspection; members find their items under rectification.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, IAgencyClock clock) : IntegrityPage
{
    // Init properties, not a positional record: EF sorts and pages by them after the projection.
    public sealed record Row
    {
        public int Id { get; init; }
        public DateOnly Date { get; init; }
        public InspectionMode Mode { get; init; }
        public InspectionTarget TargetKind { get; init; }
        public string Target { get; init; } = "";
        public int Items { get; init; }
        public int Open { get; init; }
        public int Overdue { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public InspectionMode? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, mode = Mode, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.IsManager) return RedirectToPage("/Rectifications/Index");
        var today = clock.Today;
        IQueryable<Inspection> query = db.Inspections;
        if (Mode is { } m) query = query.Where(i => i.Mode == m);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(i => i.Target.Contains(q) || (i.Summary != null && i.Summary.Contains(q)));
        }
        var rows = query.Select(i => new Row
        {
            Id = i.Id, Date = i.Date, Mode = i.Mode, TargetKind = i.TargetKind, Target = i.Target,
            Items = db.Rectifications.Count(r => r.InspectionId == i.Id),
            Open = db.Rectifications.Count(r => r.InspectionId == i.Id && r.Status == RectificationStatus.Open),
            Overdue = db.Rectifications.Count(r => r.InspectionId == i.Id && r.Status == RectificationStatus.Open && r.Deadline < today),
        });
        rows = Sort switch
        {
            "date" => rows.OrderBy(r => r.Date).ThenBy(r => r.Id),
            "target" => rows.OrderBy(r => r.Target).ThenBy(r => r.Id),
            "-target" => rows.OrderByDescending(r => r.Target).ThenBy(r => r.Id),
            "-open" => rows.OrderByDescending(r => r.Open).ThenByDescending(r => r.Date),
            _ => rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id),
        };
        List = await PagedList<Row>.CreateAsync(rows, PageNumber, 20, ct);
        return Page();
    }
}
