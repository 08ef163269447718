using System.Security.Claims;

namespace Modular.Modules.Supervision.Pages;

/// <summary>
/// The task list of a year: every task for the office, an owner's own otherwise, with stage, deadline and overdue; the
/// tasks from above (上级督办) for the office. Record-proved tasks on the page close themselves when their records appear.
/// </summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class IndexModel(SupervisionDbContext db, SupervisionAccess access, TaskProof proof, IHigherTasks higher, PeopleLookup people, IAgencyClock clock,
    IAgencyCache cache, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<WorkTask> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, TaskStage> Stages { get; private set; } = new Dictionary<int, TaskStage>();
    public IReadOnlyDictionary<int, OrganizationInfo> OrgNames { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyList<HigherTask> FromAbove { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int OverdueCount { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsManager => access.IsManager;

    public string SortUrl(string column) => Url.Page("Index", new { year = Year, show = Show, q = Q, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        var today = Today;
        Year = SaneDates.SaneYear(Year) ?? today.Year;
        var year = Year.Value;
        var mine = (await access.VisibleTasksAsync(db.Tasks, ct)).Where(t => t.Year == year);
        // Per viewer (what they see), year and day (the period); anything that could change the answer is a save of the
        // agency's data.
        var key = $"{SupervisionModule.Id}:list:{User.FindFirstValue(ClaimTypes.NameIdentifier)}:{year}";
        // Enter once: open tasks that records prove close before the list is read. The records are other modules' saves
        // in this agency, so after one check nothing new can be proved until its stamp moves (the job closes them too).
        var closed = await cache.GetOrCreateAsync(key + ":proved", CachePeriod.Day(today), async c =>
        {
            var proved = await mine.Where(t => t.Status == WorkTaskStatus.Open && t.ProofKind != null).OrderBy(t => t.Id).Take(50).ToListAsync(c);
            return proved.Count > 0 ? await proof.CloseProvedAsync(proved, c) : 0;
        }, ct);
        if (closed > 0) this.ShowMessage(T["{0} tasks were closed by their records.", closed]);
        db.ChangeTracker.Clear();
        var query = mine.AsNoTracking();
        var counts = await cache.GetOrCreateAsync(key + ":counts", CachePeriod.Day(today), async c => await query.Where(t => t.Status == WorkTaskStatus.Open)
            .GroupBy(t => 1).Select(g => new OpenCounts(g.Count(), g.Count(t => t.Deadline < today))).FirstOrDefaultAsync(c) ?? new OpenCounts(0, 0), ct);
        (OpenCount, OverdueCount) = (counts.Open, counts.Overdue);
        query = Show switch
        {
            "overdue" => query.Where(t => t.Status == WorkTaskStatus.Open && t.Deadline < today),
            "escalated" => query.Where(t => t.Status == WorkTaskStatus.Open && t.Steps.Any(s => s.Kind == StepKind.Escalated)),
            "done" => query.Where(t => t.Status == WorkTaskStatus.Done),
            "all" => query,
            _ => query.Where(t => t.Status == WorkTaskStatus.Open),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(t => t.Title.Contains(q) || (t.Source != null && t.Source.Contains(q)));
        }
        query = Sort switch
        {
            "-deadline" => query.OrderByDescending(t => t.Deadline).ThenBy(t => t.Id),
            "title" => query.OrderBy(t => t.Title).ThenBy(t => t.Id),
            "-title" => query.OrderByDescending(t => t.Title).ThenBy(t => t.Id),
            _ => query.OrderBy(t => t.Deadline).ThenBy(t => t.Id),
        };
        // The count is kept per viewer, year, list and day until the agency's data changes; a search is counted. The rows come
        // with their steps' kinds (the stage) in the same command.
        var totalKey = string.IsNullOrWhiteSpace(Q) ? $"{key}:count:{Show}:{today:yyyy-MM-dd}" : null;
        var rows = await PagedList<TaskRow>.CreateAsync(query.Select(t => new TaskRow { Task = t, Steps = t.Steps.Select(s => s.Kind).ToList() }),
            PageNumber, 20, cache, totalKey, ct);
        List = new PagedList<WorkTask>(rows.Items.Select(r => r.Task).ToList(), rows.Page, rows.PageSize, rows.Total);
        Stages = rows.Items.ToDictionary(r => r.Task.Id, r => TaskRules.Stage(r.Task.Status, r.Steps));
        OrgNames = await people.OrganizationsByIdAsync(ct);
        Names = await people.NamesAsync(List.Items.Select(t => t.OwnerMemberId), ct);
        if (access.IsManager) FromAbove = await higher.ListAsync(ct);
        return Page();
    }

    private sealed record OpenCounts(int Open, int Overdue);

    private sealed record TaskRow
    {
        public required WorkTask Task { get; init; }
        public required List<StepKind> Steps { get; init; }
    }
}
