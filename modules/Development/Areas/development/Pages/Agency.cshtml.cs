using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages;

/// <summary>
/// The agency's view for the Party office: people on the way per branch and stage, and the year's plan (new probationary
/// members per branch) against what was done (admissions approved, step 17; full memberships approved, step 24).
/// </summary>
[RequirePermission(DevelopmentModule.ManagePermission)]
public sealed class AgencyModel(DevelopmentDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : PageModel
{
    public sealed record Line(OrganizationInfo Branch, IReadOnlyDictionary<Stage, int> PerStage, int Planned, long? Version, int Admitted, int Full);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The plan posted: planned number and the version read, by branch id.</summary>
    [BindProperty] public Dictionary<int, int?> Planned { get; set; } = [];
    [BindProperty] public Dictionary<int, long> Versions { get; set; } = [];
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    /// <summary>The year asked for, or this year when none (or none that makes sense) is asked for.</summary>
    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.Today.Year;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var branches = (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).Select(o => o.Id).ToHashSet();
        foreach (var (org, planned) in Planned)
        {
            if (!branches.Contains(org)) return NotFound();
            if (planned is < 0 or > 1000) ModelState.AddModelError($"Planned[{org}]", T["Enter a number between 0 and 1000."]);
        }
        if (ModelState.IsValid)
        {
            var plans = await db.Plans.Where(p => p.Year == ShownYear).ToDictionaryAsync(p => p.OrganizationId, ct);
            foreach (var (org, planned) in Planned)
            {
                if (plans.TryGetValue(org, out var plan))
                {
                    // The version the form read: someone else's save in between is refused, not overwritten.
                    db.Entry(plan).Property(p => p.Version).OriginalValue = Versions.GetValueOrDefault(org);
                    plan.Planned = planned ?? 0;
                }
                else if (planned is > 0) db.Plans.Add(new YearPlan { Year = ShownYear, OrganizationId = org, Planned = planned.Value });
            }
            if (await this.TrySaveAsync(db, ct)) return this.RedirectWithMessage(T["The plan was saved."], null, new { year = ShownYear });
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = ShownYear;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var perStage = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open)
            .GroupBy(c => new { c.OrganizationId, c.Stage }).Select(g => new { g.Key.OrganizationId, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
        var done = await (from s in db.Steps.AsNoTracking() join c in db.Cases.AsNoTracking() on s.CaseId equals c.Id
                          where (s.Step == Steps.AdmissionApproval || s.Step == Steps.FullMembershipApproval) && s.Date >= first && s.Date <= last
                          group s by new { c.OrganizationId, s.Step } into g
                          select new { g.Key.OrganizationId, g.Key.Step, Count = g.Count() }).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == year).ToDictionaryAsync(p => p.OrganizationId, ct);
        Lines = (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).Select(o => new Line(o,
            perStage.Where(p => p.OrganizationId == o.Id).ToDictionary(p => p.Stage, p => p.Count),
            plans.TryGetValue(o.Id, out var plan) ? plan.Planned : 0, plan?.Version,
            done.Where(d => d.OrganizationId == o.Id && d.Step == Steps.AdmissionApproval).Sum(d => d.Count),
            done.Where(d => d.OrganizationId == o.Id && d.Step == Steps.FullMembershipApproval).Sum(d => d.Count))).ToList();
    }
}
