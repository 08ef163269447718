namespace Modular.Modules.Study.Pages.Plans;

/// <summary>The year's study plans: the central study group's and each branch's, with sessions held against months planned.</summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class IndexModel(StudyDbContext db, StudyAccess access, StudyPlans plans, PeopleLookup people, IAgencyClock clock) : PageModel
{
    public sealed record Row(StudyPlan Plan, string Owner, int Planned, int Due, int Held, int Sessions);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>May make a plan: the office, or a secretary for their branch.</summary>
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await access.KeepsAnyAsync(ct);
        var today = clock.Today;
        ShownYear = Year is { } y and >= 2000 and <= 2100 ? y : today.Year;
        var list = await db.Plans.AsNoTracking().Include(p => p.Items).Where(p => p.Year == ShownYear).OrderBy(p => p.Owner).ThenBy(p => p.OrganizationId).ToListAsync(ct);
        var counts = await db.Sessions.AsNoTracking().Where(s => s.Date.Year == ShownYear).GroupBy(s => s.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var orgs = await people.OrganizationsByIdAsync(ct);
        var rows = new List<Row>();
        foreach (var p in list)
        {
            var progress = await plans.ProgressAsync(p, ct);
            rows.Add(new Row(p, p.Owner == PlanOwner.CentralGroup ? "" : orgs.GetValueOrDefault(p.OrganizationId ?? 0)?.Name ?? "",
                progress.Count, progress.Count(m => m.Due), progress.Count(m => m.Due && m.Held), counts.GetValueOrDefault(p.Id)));
        }
        Rows = rows;
    }
}
