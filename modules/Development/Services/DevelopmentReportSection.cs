namespace Modular.Modules.Development.Services;

/// <summary>
/// Member development in the monthly report, from the steps recorded: applications (step 1), activists decided (3),
/// candidates decided (7), admissions approved (17) and full memberships approved (24) dated in the month, and the open
/// cases whose deadline had passed by the month's end. A case counts where the person's branch is.
/// </summary>
public sealed class DevelopmentReportSection(DevelopmentDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : IReportSection
{
    public string ModuleId => DevelopmentModule.Id;
    public int Order => 40;
    public string? Permission => DevelopmentModule.ViewPermission;

    /// <summary>The steps the report counts, with their figures' labels.</summary>
    public static readonly IReadOnlyList<(int Step, LocalizedText Label)> Counted =
    [
        (Steps.Application, new("入党申请", "Applications")),
        (Steps.ActivistDecided, new("确定入党积极分子", "Activists decided")),
        (Steps.CandidateDecided, new("确定发展对象", "Candidates decided")),
        (Steps.AdmissionApproval, new("接收预备党员", "Admissions approved")),
        (Steps.FullMembershipApproval, new("预备党员转正", "Full memberships approved")),
    ];

    private static readonly LocalizedText People = new("人", "people");

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Last);
        var counted = Counted.Select(c => c.Step).ToList();
        var steps = (await (from s in db.Steps.AsNoTracking()
                            join c in db.Cases.AsNoTracking() on s.CaseId equals c.Id
                            where counted.Contains(s.Step) && s.Date >= first && s.Date <= last
                            select new { c.Id, c.MemberId, c.OrganizationId, s.Step, s.Date }).ToListAsync(ct))
            .Where(s => scope.Includes(s.OrganizationId)).OrderBy(s => s.Date).ThenBy(s => s.Step).ToList();
        // The deadlines as the cases stand now that had passed by the month's end (by today, for the month under way).
        var asOf = new[] { clock.Today, last.AddDays(1) }.Min();
        var overdue = (await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open && c.DueDate != null && c.DueDate < asOf)
                .Select(c => new { c.Id, c.MemberId, c.OrganizationId, c.DueStep, c.DueDate }).ToListAsync(ct))
            .Where(c => scope.Includes(c.OrganizationId)).OrderBy(c => c.DueDate).ToList();
        var names = await people.NamesAsync(steps.Select(s => s.MemberId).Concat(overdue.Select(o => o.MemberId)), ct);
        var orgs = await people.OrganizationsByIdAsync(ct);
        string Name(int id) => names.TryGetValue(id, out var m) ? m.Name : "—";
        string Org(int id) => orgs.TryGetValue(id, out var o) ? o.Name : "";

        var content = new ReportSectionContent(new LocalizedText("发展党员", "Member development"))
        {
            Note = new LocalizedText("按本月办理的步骤统计：接收预备党员、转正均以上级党委审批（第 17、24 步）为准；逾期步骤为截至月末已过期限仍未办理的步骤。",
                "Counted from the steps dated in the month: admissions and full memberships when the higher committee approved them (steps 17 and 24); overdue steps are those past their deadline by the month's end and not yet done."),
        };
        foreach (var (step, label) in Counted)
        {
            var n = steps.Count(s => s.Step == step);
            content.Figures.Add(new ReportFigure(label, n, People, n > 0 ? Tone.Good : Tone.Neutral));
        }
        content.Figures.Add(new ReportFigure(new LocalizedText("逾期步骤", "Overdue steps"), overdue.Count, new LocalizedText("项", "items"), overdue.Count > 0 ? Tone.Danger : Tone.Good));

        content.Tables.Add(new ReportTable(new LocalizedText("本月办理", "Done this month"),
            [new("日期", "Date"), new("党支部", "Branch"), new("姓名", "Name"), new("步骤", "Step")],
            steps.Select(s => (IReadOnlyList<string>)[s.Date.ToString("yyyy-MM-dd"), Org(s.OrganizationId), Name(s.MemberId), StepText(s.Step)]).ToList()));
        content.Tables.Add(new ReportTable(new LocalizedText("逾期步骤", "Overdue steps"),
            [new("党支部", "Branch"), new("姓名", "Name"), new("应办步骤", "Step due"), new("期限", "Due by")],
            overdue.Select(o => (IReadOnlyList<string>)[Org(o.OrganizationId), Name(o.MemberId), o.DueStep is { } d ? StepText(d) : "", o.DueDate!.Value.ToString("yyyy-MM-dd")]).ToList()));
        return content;
    }

    private string StepText(int step) => T["Step {0}: {1}", step, T[Steps.Get(step).Name]];
}
