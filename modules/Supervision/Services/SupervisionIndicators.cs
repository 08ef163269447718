namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Figures for the organ work committee: tasks overdue, ledger items overdue, and the share of prompts answered, for
/// the agency and each organisation that owns something. Counts only; no names.
/// </summary>
public sealed class SupervisionIndicators(SupervisionDbContext db, IAgencyClock clock) : IIndicatorSource
{
    public const string TasksOverdue = "supervision.tasks-overdue", ItemsOverdue = "supervision.items-overdue", PromptsAnswered = "supervision.prompts-answered";

    public string ModuleId => SupervisionModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(TasksOverdue, new LocalizedText("督办任务逾期", "Supervision tasks overdue"), new LocalizedText("项", "items"),
            new LocalizedText("0 项绿，1–2 项黄，3 项及以上红", "0 green, 1–2 amber, 3 or more red")),
        new(ItemsOverdue, new LocalizedText("整改事项逾期", "Rectification items overdue"), new LocalizedText("项", "items"),
            new LocalizedText("0 项绿，1–2 项黄，3 项及以上红", "0 green, 1–2 amber, 3 or more red")),
        new(PromptsAnswered, new LocalizedText("月提示回复率", "Monthly prompts answered"), "%",
            new LocalizedText("≥90% 绿，60%–90% 黄，低于60% 红（到期的提示）", "≥90% green, 60%–90% amber, below 60% red (prompts due)")),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = clock.Today;
        if (period.From > today) return [];
        // Late by what was known at the end of the period (or today, for the running one).
        var asOf = period.To < today ? period.To.AddDays(1) : today;
        var (first, last) = (period.From, period.To);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Deadline >= first && t.Deadline <= last)
            .Select(t => new { t.OwnerOrganizationId, t.Deadline, t.ClosedOn }).ToListAsync(ct);
        var lateTasks = tasks.Where(t => TaskRules.WasOverdue(t.Deadline, t.ClosedOn, asOf)).ToList();
        var items = await db.Items.AsNoTracking().Where(i => i.Deadline <= last)
            .Select(i => new { i.OwnerOrganizationId, i.Deadline, i.ClosedOn }).ToListAsync(ct);
        var lateItems = items.Where(i => TaskRules.WasOverdue(i.Deadline, i.ClosedOn, asOf)).ToList();
        var targets = await (from t in db.PromptTargets.AsNoTracking()
                             join p in db.Prompts.AsNoTracking() on t.PromptId equals p.Id
                             where p.AnswerBy >= first && p.AnswerBy <= last && p.AnswerBy < asOf
                             select new { t.OrganizationId, t.AnsweredOn, p.AnswerBy }).ToListAsync(ct);

        var values = new List<IndicatorValue>
        {
            new(TasksOverdue, lateTasks.Count, SupervisionLights.Late(lateTasks.Count)) { Detail = $"{lateTasks.Count}/{tasks.Count}" },
            new(ItemsOverdue, lateItems.Count, SupervisionLights.Late(lateItems.Count)),
        };
        var answered = targets.Count(t => t.AnsweredOn is { } a && a <= asOf);
        if (targets.Count > 0)
            values.Add(new(PromptsAnswered, SupervisionLights.Share(targets.Count, answered), SupervisionLights.Answered(targets.Count, answered)) { Detail = $"{answered}/{targets.Count}" });
        if (!period.PerOrganization) return values;

        foreach (var org in tasks.Select(t => t.OwnerOrganizationId).Concat(items.Select(i => i.OwnerOrganizationId)).OfType<int>().Distinct().Order())
        {
            var late = lateTasks.Count(t => t.OwnerOrganizationId == org);
            values.Add(new(TasksOverdue, late, SupervisionLights.Late(late)) { OrganizationId = org });
            var lateOwn = lateItems.Count(i => i.OwnerOrganizationId == org);
            values.Add(new(ItemsOverdue, lateOwn, SupervisionLights.Late(lateOwn)) { OrganizationId = org });
        }
        foreach (var g in targets.GroupBy(t => t.OrganizationId).OrderBy(g => g.Key))
        {
            var due = g.Count();
            var done = g.Count(t => t.AnsweredOn is { } a && a <= asOf);
            values.Add(new(PromptsAnswered, SupervisionLights.Share(due, done), SupervisionLights.Answered(due, done)) { OrganizationId = g.Key, Detail = $"{done}/{due}" });
        }
        return values;
    }
}
