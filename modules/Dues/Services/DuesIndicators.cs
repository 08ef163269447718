namespace Modular.Modules.Dues.Services;

/// <summary>
/// Membership dues for the organ work committee: paid against owed for the month (or the year so far), for the agency
/// and each branch. Sums only, no person's dues.
/// </summary>
public sealed class DuesIndicators(DuesFigures figures) : IIndicatorSource
{
    public const string Collected = "dues.collected-share";

    public string ModuleId => DuesModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Collected, new("党费收缴率", "Dues collected"), new("%", "%"), IndicatorRules.AtLeastText(95, 80)),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var lines = period.Month is { } month
            ? (await figures.MonthAsync(period.Year, month, cancellationToken)).Select(l => (Branch: (int?)l.Branch.Id, l.Expected, l.Paid)).ToList()
            : (await figures.YearAsync(period.Year, cancellationToken)).Select(l => (Branch: l.Branch?.Id, l.Expected, l.Paid)).ToList();
        var values = new List<IndicatorValue>();
        Add(lines.Sum(l => l.Expected), lines.Sum(l => l.Paid), null);
        if (period.PerOrganization)
            foreach (var l in lines.Where(l => l.Branch is not null)) Add(l.Expected, l.Paid, l.Branch);
        return values;

        void Add(decimal expected, decimal paid, int? organizationId)
        {
            if (IndicatorRules.Percent(paid, expected) is { } share)
                values.Add(IndicatorRules.AtLeast(Collected, Math.Min(share, 100m), 95, 80, organizationId, $"{paid:0.00}/{expected:0.00} 元"));
        }
    }
}
