using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Oversight;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight;

/// <summary>One agency's figures per Party organisation (branches, general branches), as it shares them. Audited.</summary>
public sealed class AgencyModel(IndicatorCollector collector, IAuditLog audit, IAgencyClock clock) : PageModel
{
    public IndicatorMatrix Matrix { get; private set; } = null!;
    public AgencyFigures Row => Matrix.Rows[0];
    public string PeriodQuery => OversightView.Query(Matrix.Period);

    /// <summary>The organisations with any figure, in the directory's order.</summary>
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? period, CancellationToken ct)
    {
        if (await collector.AgencyAsync(id, OversightView.Period(period, clock.Today, perOrganization: true), ct) is not { } matrix) return NotFound();
        Matrix = matrix;
        var withFigures = Row.Values.Where(v => v.OrganizationId is not null).Select(v => v.OrganizationId!.Value).ToHashSet();
        Organizations = Row.OrganizationNames.Where(o => withFigures.Contains(o.Key)).Select(o => (o.Key, o.Value)).ToList();
        await audit.WriteAsync("oversight.view", "Agency#" + id, "branches " + PeriodQuery, true, ct);
        return Page();
    }
}
