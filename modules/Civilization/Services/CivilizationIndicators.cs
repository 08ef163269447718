namespace Modular.Modules.Civilization.Services;

/// <summary>
/// Civilization creation for the organ work committee: the share of criteria points met in the agency's campaigns of the
/// period's year, and the criteria overdue. Campaigns are the agency's as a whole, so there are no branch figures.
/// </summary>
public sealed class CivilizationIndicators(CivilizationDbContext db, IAgencyClock clock) : IIndicatorSource
{
    public const string Score = "civilization.score";
    public const string Overdue = "civilization.overdue";

    public string ModuleId => CivilizationModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Score, new("文明创建得分率", "Civilization score"), new("%", "%"), IndicatorRules.AtLeastText(80, 60)),
        new(Overdue, new("文明创建逾期指标", "Criteria overdue"), new("项", "items"), IndicatorRules.AtMostText(0, 3)),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.Year == period.Year).Select(c => c.Id);
        var items = await db.Items.AsNoTracking().Where(i => campaigns.Contains(i.CampaignId))
            .Select(i => new ScoreRollup.Item(i.CategoryId, i.Points, i.Status, i.DueDate, i.AwaitingReview)).ToListAsync(cancellationToken);
        if (items.Count == 0) return [];
        var asOf = new[] { clock.Today, period.To.AddDays(1) }.Min();
        var score = ScoreRollup.Compute([], items, asOf).Total;
        return
        [
            IndicatorRules.AtLeast(Score, score.Percent, 80, 60, detail: $"{score.Met:0.#}/{score.Possible:0.#} 分"),
            IndicatorRules.AtMost(Overdue, score.Overdue, 0, 3),
        ];
    }
}
