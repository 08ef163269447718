namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Warning education for the organ work committee: the sessions held this year up to the period's end against the
/// agency's yearly target, pro rata by the months gone (the whole target by December). Counts only; talks (confidential)
/// are never offered.
/// </summary>
public sealed class IntegrityIndicators(IntegrityDbContext db, IModuleSettings settings, IAgencyClock clock) : IIndicatorSource
{
    public const string WarningEducation = "integrity.warning-education";

    public string ModuleId => IntegrityModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(WarningEducation, new("警示教育完成率（对年度目标）", "Warning education against the target"), new("%", "%"),
            new("按已过月份折算目标：≥100% 绿，≥50% 黄，低于50% 红", "Against the target pro rata: ≥100% green, ≥50% amber, below red")),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var until = new[] { clock.Today, period.To }.Min();
        if (until < new DateOnly(period.Year, 1, 1)) return [];
        var target = settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting);
        var held = await db.WarningSessions.AsNoTracking().CountAsync(s => s.Date >= new DateOnly(period.Year, 1, 1) && s.Date <= until, cancellationToken);
        var due = WarningTargetRules.Expected(target, until.Month);
        if (IndicatorRules.Percent(held, due) is not { } share) return [];
        return [IndicatorRules.AtLeast(WarningEducation, share, 100, 50, detail: $"{held}/{target} 次（应完成 {due} 次）")];
    }
}
