namespace Modular.Modules.Supervision.Pages.Prompts;

/// <summary>The monthly prompts (月提示): all of them for the office with how many organisations answered; for a branch, the ones sent to it.</summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class IndexModel(SupervisionDbContext db, SupervisionAccess access, IAgencyClock clock) : SupervisionPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public sealed record Row(int Id, int Month, string Title, DateOnly IssuedOn, DateOnly AnswerBy, int Targets, int Answered);
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);
    public bool IsManager => access.IsManager;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Year = SaneDates.SaneYear(Year) ?? Today.Year;
        var year = Year.Value;
        var prompts = db.Prompts.AsNoTracking().Where(p => p.Year == year);
        IQueryable<PromptTarget> targets = db.PromptTargets.AsNoTracking();
        if (!access.IsManager)
        {
            var orgs = (await access.OwnerScopeAsync(ct)).Organizations.ToList();
            targets = targets.Where(t => orgs.Contains(t.OrganizationId));
            prompts = prompts.Where(p => targets.Any(t => t.PromptId == p.Id));
        }
        var rows = prompts.OrderByDescending(p => p.Month).ThenByDescending(p => p.Id)
            .Select(p => new Row(p.Id, p.Month, p.Title, p.IssuedOn, p.AnswerBy, targets.Count(t => t.PromptId == p.Id), targets.Count(t => t.PromptId == p.Id && t.AnsweredOn != null)));
        List = await PagedList<Row>.CreateAsync(rows, PageNumber, 20, ct);
        return Page();
    }
}
