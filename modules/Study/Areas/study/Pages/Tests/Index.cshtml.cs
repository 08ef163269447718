namespace Modular.Modules.Study.Pages.Tests;

/// <summary>The agency's tests with how many have taken each (paging on the server).</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class IndexModel(StudyDbContext db, IAgencyClock clock) : PageModel
{
    public sealed record Row
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public DateTime Opens { get; init; }
        public DateTime Closes { get; init; }
        public int Questions { get; init; }
        public int Submitted { get; init; }
        public bool IntegrityKnowledge { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.LocalNow;
        IQueryable<StudyTest> query = db.Tests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(t => t.Title.Contains(text));
        }
        var rows = query.OrderByDescending(t => t.Opens).ThenByDescending(t => t.Id).Select(t => new Row
        {
            Id = t.Id, Title = t.Title, Opens = t.Opens, Closes = t.Closes, Questions = t.Questions.Count, IntegrityKnowledge = t.IntegrityKnowledge,
            Submitted = db.Attempts.Count(a => a.TestId == t.Id && a.SubmittedAt != null),
        });
        List = await PagedList<Row>.CreateAsync(rows, PageNumber, 20, ct);
    }
}
