using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Stats;

/// <summary>Activities, participants and hours per month and per branch; rankings of people only when the agency turned them on.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class IndexModel(Statistics statistics, VolunteerAccess access, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    public Statistics.Report? Report { get; private set; }
    public IReadOnlyList<OrganizationInfo> Organizations { get; private set; } = [];
    public IEnumerable<int> Years => Enumerable.Range(clock.LocalNow.Year - 4, 5).Reverse();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.LocalNow.Year;
        if (Year < 2000 || Year > 2100) Year = clock.LocalNow.Year;
        Organizations = (await access.OrganizableAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).ToList();
        if (Org is { } org && Organizations.All(o => o.Id != org)) return NotFound();
        Report = await statistics.ForYearAsync(Year.Value, Org, ct);
        return Page();
    }
}
