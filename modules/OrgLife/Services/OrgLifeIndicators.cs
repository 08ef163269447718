namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Organisational life for the organ work committee: the share of meeting periods held (of those over, as the compliance
/// view counts them) and the periods overdue, for the agency and each branch. Figures only.
/// </summary>
public sealed class OrgLifeIndicators(Roster roster, ComplianceService compliance, IAgencyClock clock) : IIndicatorSource
{
    public const string Compliance = "org-life.compliance";
    public const string Overdue = "org-life.overdue";

    public string ModuleId => OrgLifeModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Compliance, new("组织生活按期召开率", "Meetings held on time"), new("%", "%"), IndicatorRules.AtLeastText(95, 80)),
        new(Overdue, new("组织生活逾期未开", "Meeting periods overdue"), new("项", "items"), IndicatorRules.AtMostText(0, 2)),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var branches = await roster.BranchesAsync(cancellationToken);
        if (branches.Count == 0) return [];
        var asOf = new[] { clock.Today, period.To.AddDays(1) }.Min();
        var report = await compliance.BuildAsync(period.Year, branches, asOf, cancellationToken);
        var values = new List<IndicatorValue>();
        Add(report, null);
        if (period.PerOrganization)
            foreach (var row in report.Rows) Add(report with { Rows = [row] }, row.Branch.Id);
        return values;

        void Add(ComplianceReport r, int? organizationId)
        {
            var cells = r.Rows.SelectMany(x => x.Cells.Values.SelectMany(c => c))
                .Where(c => c.Period.End >= period.From && c.Period.End <= period.To || c.State == PeriodState.Held && c.Period.Contains(period.To)).ToList();
            var held = cells.Count(c => c.State == PeriodState.Held);
            var overdue = cells.Count(c => c.State == PeriodState.Overdue);
            if (IndicatorRules.Percent(held, held + overdue) is { } share)
                values.Add(IndicatorRules.AtLeast(Compliance, share, 95, 80, organizationId, $"{held}/{held + overdue}"));
            values.Add(IndicatorRules.AtMost(Overdue, overdue, 0, 2, organizationId));
        }
    }
}
