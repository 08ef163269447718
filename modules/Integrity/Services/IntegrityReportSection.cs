namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Anti-corruption education in the monthly report, from the session and talk records: warning-education sessions and
/// who attended them (a branch's report counts its own members; a session held as a linked meeting, the meeting's counts), the year's sessions against the agency's target,
/// inspections, and integrity talks for those who may see them (counts only: talks are confidential).
/// </summary>
public sealed class IntegrityReportSection(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, IModuleSettings settings,
    KnowledgeTests knowledge, IStringLocalizer<IntegrityModule> T) : IReportSection
{
    public string ModuleId => IntegrityModule.Id;
    public int Order => 40;
    public string? Permission => IntegrityModule.ViewPermission;

    private static readonly LocalizedText Times = new("次", "times");

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Last);
        var yearStart = new DateOnly(period.Year, 1, 1);
        var sessions = await db.WarningSessions.AsNoTracking().Include(s => s.Attendees)
            .Where(s => s.Date >= yearStart && s.Date <= last).OrderBy(s => s.Date).ToListAsync(ct);
        var members = await people.NamesAsync(sessions.SelectMany(s => s.Attendees).Select(a => a.MemberId).Distinct(), ct);
        bool Ours(WarningAttendee a) => scope.IsAgencyWide || (members.TryGetValue(a.MemberId, out var m) && scope.Includes(m.OrganizationId));
        // A branch's report holds the sessions it held and the agency's sessions its members were expected at.
        var relevant = sessions.Where(s => scope.Includes(s.OrganizationId) || s.Attendees.Any(Ours)).ToList();
        var month = relevant.Where(s => period.Contains(s.Date)).ToList();
        // A session held as a linked meeting takes its attendance from the meeting (the snapshot stored when it was linked or saved).
        (int Expected, int Present) Counts(WarningEducation s) => s is { LinkedExpected: { } e, LinkedPresent: { } p } && scope.Includes(s.OrganizationId)
            ? (e, p) : (s.Attendees.Count(Ours), s.Attendees.Count(a => a.Present && Ours(a)));
        var expected = month.Sum(s => Counts(s).Expected);
        var present = month.Sum(s => Counts(s).Present);
        decimal? rate = expected == 0 ? null : Math.Round(100m * present / expected);
        var target = settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting);

        var content = new ReportSectionContent(new LocalizedText("廉政教育", "Anti-corruption education"));
        content.Figures.Add(new ReportFigure(new LocalizedText("警示教育", "Warning education"), month.Count, Times, month.Count > 0 ? Tone.Good : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("参加", "Attended"), present, new LocalizedText("人次", "attendances")));
        content.Figures.Add(new ReportFigure(new LocalizedText("出席率", "Attendance"), rate, "%", rate is >= 90 ? Tone.Good : rate is null ? Tone.Neutral : Tone.Warning));
        content.Figures.Add(new ReportFigure(new LocalizedText($"本年累计警示教育（目标 {target} 次）", $"Warning education this year (target {target})"),
            relevant.Count, Times, relevant.Count >= target ? Tone.Good : Tone.Info));
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.Date >= first && i.Date <= last)
            .Select(i => i.TargetOrganizationId).ToListAsync(ct);
        // The knowledge tests study offers (counted while study is on): the year's tests and who has taken them (agency-wide counts).
        if (scope.IsAgencyWide && knowledge.Available)
        {
            var tests = (await knowledge.OfYearAsync(period.Year, ct)).Where(t => t.Date <= last).ToList();
            content.Figures.Add(new ReportFigure(new LocalizedText("本年廉政知识测试", "Integrity knowledge tests this year"), tests.Count, Times));
            content.Figures.Add(new ReportFigure(new LocalizedText("参加知识测试", "Knowledge tests taken"), tests.Sum(t => t.Attendance?.Present ?? 0), new LocalizedText("人次", "attendances")));
        }
        content.Figures.Add(new ReportFigure(new LocalizedText("明察暗访", "Inspections"), inspections.Count(scope.Includes), Times));
        // Talks belong to no branch and are for discipline inspection and the committee's secretary alone.
        if (scope.IsAgencyWide && await access.CanSeeTalksAsync(ct))
        {
            var talks = await db.Talks.CountAsync(t => t.Date >= first && t.Date <= last, ct);
            content.Figures.Add(new ReportFigure(new LocalizedText("廉政谈话", "Integrity talks"), talks, Times));
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in month)
            rows.Add([s.Date.ToString("yyyy-MM-dd"), s.Title, T[Labels.Warning(s.Kind)], s.Place ?? "",
                s.OrganizationId is { } org ? await people.OrganizationNameAsync(org, ct) : T["Whole agency"],
                Counts(s).Expected.ToString(), Counts(s).Present.ToString()]);
        content.Tables.Add(new ReportTable(new LocalizedText("警示教育", "Warning education"),
            [new("日期", "Date"), new("名称", "Title"), new("形式", "Kind"), new("地点", "Place"), new("组织单位", "Held by"), new("应到", "Expected"), new("实到", "Present")], rows));
        return content;
    }
}
