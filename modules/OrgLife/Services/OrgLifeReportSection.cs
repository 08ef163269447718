namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Organisational life in the monthly report, from the meeting records alone: meetings held by type, periods that ended
/// in the month without their meeting (as the compliance view counts them), what is due and not yet held, attendance.
/// </summary>
public sealed class OrgLifeReportSection(OrgLifeDbContext db, Roster roster, ComplianceService compliance, OrgLifeSettings settings, IAgencyClock clock)
    : IReportSection
{
    public string ModuleId => OrgLifeModule.Id;
    public int Order => 10;
    public string? Permission => OrgLifeModule.RecordPermission;

    private static readonly LocalizedText Times = new("次", "times");

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var branches = (await roster.BranchesAsync(ct)).Where(b => scope.Includes(b.Id)).ToList();
        if (branches.Count == 0) return null;
        var ids = branches.Select(b => b.Id).ToList();
        var (first, last) = (period.First, period.Last);
        var held = await db.Meetings.AsNoTracking().Include(m => m.Attendees)
            .Where(m => m.Status == MeetingStatus.Held && m.Date >= first && m.Date <= last && ids.Contains(m.BranchId))
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync(ct);

        // The state of each period as it stood at the end of the month (or today, for the month under way).
        var asOf = new[] { clock.Today, last.AddDays(1) }.Min();
        var report = await compliance.BuildAsync(period.Year, branches, asOf, ct);
        var cells = report.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Value.Select(cell => (r.Branch, Type: c.Key, Cell: cell)))).ToList();
        var overdue = cells.Where(c => c.Cell.State == PeriodState.Overdue && period.Contains(c.Cell.Period.End)).ToList();
        var due = cells.Where(c => c.Cell.State == PeriodState.Due && c.Cell.Period.Contains(asOf.AddDays(-1))).ToList();

        var expected = held.Sum(m => m.Attendees.Count);
        var present = held.Sum(m => m.Attendees.Count(a => a.Attendance == Attendance.Present));
        decimal? rate = expected == 0 ? null : Math.Round(100m * present / expected);
        var cadences = settings.Cadences();

        var content = new ReportSectionContent(new LocalizedText("组织生活", "Organisational life"))
        {
            Note = new LocalizedText("逾期未开：本月结束的周期内未召开规定会议（按本单位设置的频次）；到期待开：本月所在周期应开而尚未召开。",
                "Overdue: periods that ended this month without their meeting (at the agency's cadences); due: meetings due in the current period and not yet held."),
        };
        content.Figures.Add(new ReportFigure(new LocalizedText("召开会议", "Meetings held"), held.Count, Times, held.Count > 0 ? Tone.Good : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("逾期未开", "Overdue"), overdue.Count, new LocalizedText("项", "items"), overdue.Count > 0 ? Tone.Danger : Tone.Good));
        content.Figures.Add(new ReportFigure(new LocalizedText("到期待开", "Due, not yet held"), due.Count, new LocalizedText("项", "items"), due.Count > 0 ? Tone.Warning : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("参会率", "Attendance"), rate, "%", rate is >= 90 ? Tone.Good : rate is null ? Tone.Neutral : Tone.Warning));

        content.Tables.Add(new ReportTable(new LocalizedText("会议召开情况（按类型）", "Meetings by type"),
            [new("会议类型", "Type"), new("召开次数", "Held"), new("要求频次", "Cadence")],
            Labels.MeetingTypes.Select(t => (IReadOnlyList<string>)[t.Label(), held.Count(m => m.Type == t).ToString(), cadences[t].Label()]).ToList()));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var m in held)
            rows.Add([m.Date.ToString("yyyy-MM-dd"), await roster.OrganizationNameAsync(m.BranchId, ct), m.Type.Label(), m.Topic,
                m.Attendees.Count.ToString(), m.Attendees.Count(a => a.Attendance == Attendance.Present).ToString()]);
        content.Tables.Add(new ReportTable(new LocalizedText("会议记录", "Meetings"),
            [new("日期", "Date"), new("党支部", "Branch"), new("类型", "Type"), new("主题", "Topic"), new("应到", "Expected"), new("实到", "Present")], rows));
        content.Tables.Add(new ReportTable(new LocalizedText("逾期未开", "Overdue"),
            [new("党支部", "Branch"), new("会议类型", "Type"), new("周期", "Period"), new("已开/应开", "Held / required")],
            overdue.Select(o => (IReadOnlyList<string>)[o.Branch.Name, o.Type.Label(), o.Cell.Period.Zh(cadences[o.Type]), $"{o.Cell.Held}/{o.Cell.Required}"]).ToList()));
        return content;
    }
}
