namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Supervision in the monthly report, from the task list, the prompts and the ledgers: tasks due in the month (done,
/// late), the month's prompts and how many organisations answered, ledger items closed in the month and still open.
/// A branch's report counts what its organisations own.
/// </summary>
public sealed class SupervisionReportSection(SupervisionDbContext db, IAgencyClock clock) : IReportSection
{
    public string ModuleId => SupervisionModule.Id;
    public int Order => 80;
    public string? Permission => SupervisionModule.ManagePermission;

    private static readonly LocalizedText Items = new("项", "items");

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var asOf = clock.Today < period.Last ? clock.Today : period.Last.AddDays(1);
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.Deadline >= period.First && t.Deadline <= period.Last).ToListAsync(ct))
            .Where(t => scope.Includes(t.OwnerOrganizationId)).OrderBy(t => t.Deadline).ToList();
        var done = tasks.Count(t => t.ClosedOn is { } c && c <= period.Last);
        var late = tasks.Where(t => TaskRules.WasOverdue(t.Deadline, t.ClosedOn, asOf)).ToList();
        var targets = await (from t in db.PromptTargets.AsNoTracking()
                             join p in db.Prompts.AsNoTracking() on t.PromptId equals p.Id
                             where p.Year == period.Year && p.Month == period.Month
                             select new { t.OrganizationId, t.AnsweredOn }).ToListAsync(ct);
        targets = targets.Where(t => scope.Includes(t.OrganizationId)).ToList();
        var items = (await db.Items.AsNoTracking().ToListAsync(ct)).Where(i => scope.Includes(i.OwnerOrganizationId)).ToList();
        var closedInMonth = items.Count(i => i.ClosedOn is { } c && period.Contains(c));
        var openAtEnd = items.Where(i => i.Status == ItemStatus.Open || i.ClosedOn > period.Last).ToList();
        if (tasks.Count == 0 && targets.Count == 0 && items.Count == 0) return null;

        var content = new ReportSectionContent(new LocalizedText("督查督办", "Supervision"));
        content.Figures.Add(new ReportFigure(new LocalizedText("本月到期任务", "Tasks due this month"), tasks.Count, Items));
        content.Figures.Add(new ReportFigure(new LocalizedText("已完成", "Done"), done, Items, Tone.Good));
        content.Figures.Add(new ReportFigure(new LocalizedText("逾期", "Overdue"), late.Count, Items, late.Count > 0 ? Tone.Danger : Tone.Good));
        content.Figures.Add(new ReportFigure(new LocalizedText("月提示回复", "Prompts answered"),
            targets.Count == 0 ? null : SupervisionLights.Share(targets.Count, targets.Count(t => t.AnsweredOn is not null)), "%"));
        content.Figures.Add(new ReportFigure(new LocalizedText("本月整改销号", "Rectification closed this month"), closedInMonth, Items, Tone.Good));
        content.Figures.Add(new ReportFigure(new LocalizedText("整改未销号", "Rectification still open"), openAtEnd.Count, Items,
            openAtEnd.Any(i => i.Deadline < asOf) ? Tone.Danger : Tone.Neutral));
        if (late.Count > 0)
            content.Tables.Add(new ReportTable(new LocalizedText("逾期任务", "Overdue tasks"),
                [new LocalizedText("任务", "Task"), new LocalizedText("完成时限", "Deadline")],
                late.Select(t => (IReadOnlyList<string>)[t.Title, t.Deadline.ToString("yyyy-MM-dd")]).ToList()));
        return content;
    }
}
