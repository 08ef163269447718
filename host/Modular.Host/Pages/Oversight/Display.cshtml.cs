using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Oversight;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight;

/// <summary>数据大屏: the overview for a wall screen, large and dark, reloading itself every few minutes. Audited like every view.</summary>
public sealed class DisplayModel(IndicatorCollector collector, IAuditLog audit, IAgencyClock clock) : PageModel
{
    /// <summary>Seconds between reloads.</summary>
    public const int RefreshSeconds = 300;

    public IndicatorMatrix Matrix { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }

    public int Count(IndicatorLight light) => Matrix.Rows.Sum(r => r.Values.Count(v => v.OrganizationId is null && v.Light == light));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Matrix = await collector.MatrixAsync(OversightView.Period(null, clock.Today), ct);
        At = clock.Now;
        await audit.WriteAsync("oversight.view", "Oversight", "display", true, ct);
    }
}
