using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Oversight;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight;

/// <summary>One indicator month by month for every agency, over a year (up to the current month). Audited.</summary>
public sealed class TrendsModel(IndicatorCollector collector, IAuditLog audit, IAgencyClock clock) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<IndicatorColumn> Columns { get; private set; } = [];
    public IndicatorColumn? Chosen { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];
    /// <summary>Per month (1–12) the matrix of that month.</summary>
    public IReadOnlyList<IndicatorMatrix> Months { get; private set; } = [];

    public async Task OnGetAsync(int? year, string? key, CancellationToken ct)
    {
        var today = clock.Today;
        Year = year is >= 2000 && year <= today.Year ? year.Value : today.Year;
        var last = Year == today.Year ? today.Month : 12;
        var months = new List<IndicatorMatrix>();
        for (var m = 1; m <= last; m++) months.Add(await collector.MatrixAsync(new IndicatorPeriod(Year, m), ct));
        Months = months;
        Columns = months.SelectMany(m => m.Columns).DistinctBy(c => c.Definition.Key).ToList();
        Chosen = Columns.FirstOrDefault(c => c.Definition.Key == key) ?? Columns.FirstOrDefault();
        Agencies = await collector.AgenciesAsync(ct);
        await audit.WriteAsync("oversight.view", "Oversight", $"trends {Year} {Chosen?.Definition.Key}", true, ct);
    }

    /// <summary>The chosen indicator of one agency, a bar a month coloured by its light (no bar where it has no figure).</summary>
    public IReadOnlyList<BarChart.Bar> Bars(int agencyId)
    {
        if (Chosen is not { } chosen) return [];
        return Months.Select(m =>
        {
            var value = m.Rows.FirstOrDefault(r => r.AgencyId == agencyId)?.Of(chosen.Definition.Key);
            var label = $"{m.Period.Month}月";
            return new BarChart.Bar(label, value?.Value, value is null ? $"{label}：—" : $"{label}：{OversightView.Format(value, chosen.Definition)}", Tone(value?.Light));
        }).ToList();
    }

    /// <summary>
    /// The same top for every agency's chart, so they compare at a glance: 100 for shares; otherwise a round number above
    /// the largest figure, at least 4 so that small counts get whole-number grid lines.
    /// </summary>
    public decimal? ScaleTop
    {
        get
        {
            if (Chosen is not { } chosen) return null;
            if (chosen.Definition.Unit.Current == "%") return 100;
            var values = Months.SelectMany(m => m.Rows).Select(r => r.Of(chosen.Definition.Key)?.Value).OfType<decimal>().ToList();
            var top = values.Count == 0 ? 0 : values.Max();
            return top <= 4 ? 4 : BarChart.NiceCeiling(top);
        }
    }

    private static BarTone Tone(IndicatorLight? light) => light switch
    {
        IndicatorLight.Green => BarTone.Good,
        IndicatorLight.Amber => BarTone.Warning,
        IndicatorLight.Red => BarTone.Bad,
        _ => BarTone.Default,
    };
}
