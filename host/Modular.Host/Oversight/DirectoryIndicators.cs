using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>
/// The directory's figures for the committee: Party organisations whose committee's term has run out (换届逾期) and those
/// whose term ends within six months, as of the end of the period (or today, for a period under way).
/// </summary>
public sealed class DirectoryIndicators(IDirectory directory, IAgencyClock clock) : IIndicatorSource
{
    public const string Id = "directory";
    public const string Overdue = "directory.terms-overdue";
    public const string Ending = "directory.terms-ending";
    public const int EndingMonths = 6;

    public string ModuleId => Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Overdue, new("换届逾期组织", "Terms overdue"), new("个", ""), IndicatorRules.AtMostText(0, 0)),
        new(Ending, new("半年内届满组织", "Terms ending within six months"), new("个", ""), new("0 绿，有则 黄（提前谋划换届）", "0 green, any amber (prepare the election)")),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var asOf = new[] { clock.Today, period.To }.Min();
        var organizations = (await directory.GetOrganizationsAsync(cancellationToken))
            .Where(o => o.Kind != OrganizationKind.PartyGroup && o.TermEnd is not null).ToList();
        bool IsOverdue(OrganizationInfo o) => o.TermEnd < asOf;
        bool IsEnding(OrganizationInfo o) => o.TermEnd >= asOf && o.TermEnd <= asOf.AddMonths(EndingMonths);
        var values = new List<IndicatorValue>
        {
            IndicatorRules.AtMost(Overdue, organizations.Count(IsOverdue), 0, 0),
            IndicatorRules.AtMost(Ending, organizations.Count(IsEnding), 0, int.MaxValue),
        };
        if (period.PerOrganization)
            foreach (var o in organizations)
            {
                values.Add(IndicatorRules.AtMost(Overdue, IsOverdue(o) ? 1 : 0, 0, 0, o.Id, $"任期至 {o.TermEnd:yyyy-MM-dd}"));
                values.Add(IndicatorRules.AtMost(Ending, IsEnding(o) ? 1 : 0, 0, int.MaxValue, o.Id));
            }
        return values;
    }
}
