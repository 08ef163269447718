namespace Modular.Modules.Development.Services;

/// <summary>
/// Member development for the organ work committee: the open cases in the pipeline and those whose next step's deadline
/// had passed by the period's end (today, for a period under way), for the agency and each branch. Counts only.
/// </summary>
public sealed class DevelopmentIndicators(DevelopmentDbContext db, IAgencyClock clock) : IIndicatorSource
{
    public const string Pipeline = "development.pipeline";
    public const string Overdue = "development.overdue";

    public string ModuleId => DevelopmentModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Pipeline, new("发展党员在培养人数", "People in the pipeline"), new("人", "people"), new("只计数，不评判", "a count, not judged")),
        new(Overdue, new("发展党员逾期步骤", "Overdue development steps"), new("项", "items"), IndicatorRules.AtMostText(0, 1)),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var asOf = new[] { clock.Today, period.To.AddDays(1) }.Min();
        var open = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open)
            .Select(c => new { c.OrganizationId, c.DueDate }).ToListAsync(cancellationToken);
        var values = new List<IndicatorValue>();
        Add(open.Select(c => c.DueDate).ToList(), null);
        if (period.PerOrganization)
            foreach (var branch in open.GroupBy(c => c.OrganizationId)) Add(branch.Select(c => c.DueDate).ToList(), branch.Key);
        return values;

        void Add(IReadOnlyCollection<DateOnly?> deadlines, int? organizationId)
        {
            values.Add(new IndicatorValue(Pipeline, deadlines.Count, IndicatorLight.None) { OrganizationId = organizationId });
            values.Add(IndicatorRules.AtMost(Overdue, deadlines.Count(d => d < asOf), 0, 1, organizationId));
        }
    }
}
