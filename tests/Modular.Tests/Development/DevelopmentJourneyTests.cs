using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;
using Modular.Tests.Reports;

namespace Modular.Tests.Development;

/// <summary>
/// A person's whole way through the pages and what the directory makes of it: each completed stage moves their stage,
/// a move the directory refuses leaves no step, cancelled probation takes them off the roster; the monthly report counts
/// the month's steps; the demo pipeline agrees with the directory.
/// </summary>
public sealed class DevelopmentJourneyTests : IClassFixture<DevelopmentJourneyTests.Portal>
{
    public sealed class Portal() : PortalFactory("development");

    private readonly Portal _portal;
    public DevelopmentJourneyTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    private static string Details(int caseId) => DevelopmentTests.Details(caseId);
    private static Task<HttpResponseMessage> StepAsync(HttpClient client, int caseId, int step, DateOnly date, Dictionary<string, string>? more = null) =>
        DevelopmentTests.StepAsync(client, caseId, step, date, more);
    private static Task Ok(HttpResponseMessage response) => DevelopmentTests.Ok(response);

    private async Task<Member> MemberAsync(int id)
    {
        using var _ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task ChangeMemberAsync(int id, Action<Member> change)
    {
        using var _ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        change(await db.Members.SingleAsync(m => m.Id == id));
        await db.SaveChangesAsync();
    }

    /// <summary>The days (before today) of each step of a journey whose probation ended about 20 days ago.</summary>
    private static readonly Dictionary<int, int> DaysAgo = new()
    {
        [1] = 800, [2] = 790, [3] = 780, [4] = 775, [5] = 770, [6] = 600, [7] = 410, [8] = 405, [9] = 400, [10] = 395, [11] = 390,
        [12] = 388, [13] = 387, [14] = 386, [15] = 385, [16] = 380, [17] = 375, [18] = 370, [19] = 369, [20] = 368, [21] = 200,
        [22] = 25, [23] = 10, [24] = 5, [25] = 1,
    };

    /// <summary>A new applicant's case carried by the office from the application to <paramref name="upTo"/>, with the fields each step needs.</summary>
    private async Task<(int Person, int Case, HttpClient Office)> JourneyAsync(string name, int upTo)
    {
        var office = await _portal.SignedInAsync("office");
        var person = await _portal.AddPersonAsync(name, Today.AddYears(-30));
        var full = await _portal.MemberIdsAsync(3);
        await Ok(await DevelopmentTests.ApplyAsync(office, person, Today.AddDays(-DaysAgo[1])));
        var caseId = (await _portal.CaseOfAsync(person))!.Value;
        var vote = new Dictionary<string, string> { ["Input.Vote.Entitled"] = "5", ["Input.Vote.Present"] = "5", ["Input.Vote.For"] = "5" };
        for (var step = 2; step <= upTo; step++)
        {
            var more = step switch
            {
                5 => new Dictionary<string, string> { ["Input.Mentors[0]"] = $"{full[0]}" },
                9 => new Dictionary<string, string> { ["Input.Sponsors[0]"] = $"{full[1]}", ["Input.Sponsors[1]"] = $"{full[2]}" },
                10 => new Dictionary<string, string> { ["Input.Conclusion"] = "政治审查合格。" },
                11 => new Dictionary<string, string> { ["Input.TrainingDays"] = "3" },
                15 => vote,
                23 => new Dictionary<string, string>(vote) { ["Input.Outcome"] = "FullMembership" },
                _ => null,
            };
            await Ok(await StepAsync(office, caseId, step, Today.AddDays(-DaysAgo[step]), more));
        }
        return (person, caseId, office);
    }

    [Fact]
    public async Task The_whole_way_moves_the_persons_stage_in_the_directory_at_each_completed_stage()
    {
        var (person, caseId, office) = await JourneyAsync("全程发展甲", 25);
        Assert.Equal(Enumerable.Range(1, 25), await _portal.StepsOfAsync(caseId));
        var member = await MemberAsync(person);
        Assert.Equal(MemberStage.FullMember, member.Stage);
        Assert.Equal(MemberSituation.Normal, member.Situation);
        // Membership counts from the branch's vote; full membership from the day probation ended.
        var joined = Today.AddDays(-DaysAgo[15]);
        Assert.Equal(joined, member.JoinedDate);
        Assert.Equal(joined.AddYears(1), member.FullMemberDate);
        Assert.Equal(Today.AddDays(-DaysAgo[3]), member.ActivistDate);
        Assert.Equal(Today.AddDays(-DaysAgo[7]), member.CandidateDate);
        Assert.Equal(4, (await _portal.AuditEntriesAsync("member.stage-change", $"Member#{person}")).Count(e => e.Success));
        // The case's list figures follow its last step (the pipeline reads them): completed at step 25.
        Assert.Equal([1, 25], (await _portal.RowsAsync("SELECT \"Status\", \"LastStep\" FROM dev_case WHERE \"Id\" = @c", ("c", caseId))).Single().Select(int.Parse));
    }

    [Fact]
    public async Task A_stage_change_the_directory_refuses_leaves_no_step_recorded()
    {
        var (person, caseId, office) = await JourneyAsync("转出发展乙", 2);
        // Transferred out meanwhile: the directory moves no stage of someone off the roster.
        await ChangeMemberAsync(person, m => m.Situation = MemberSituation.TransferredOut);
        var refused = await StepAsync(office, caseId, 3, Today.AddDays(-DaysAgo[3]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("field-validation-error", await refused.Content.ReadAsStringAsync());
        Assert.Equal([1, 2], await _portal.StepsOfAsync(caseId));
        Assert.Equal(MemberStage.Applicant, (await MemberAsync(person)).Stage);
        var line = Assert.Single(await _portal.AuditEntriesAsync("member.stage-change", $"Member#{person}"));
        Assert.False(line.Success);
        // The case's figures are as before: the next step is still step 3.
        Assert.Contains("下一步：第 3 步", await office.GetStringAsync(Details(caseId)));
    }

    [Fact]
    public async Task Cancelled_probation_takes_the_person_off_the_roster_as_left_and_is_audited()
    {
        var (person, caseId, office) = await JourneyAsync("取消资格丙", 22);
        Assert.Equal(MemberStage.ProbationaryMember, (await MemberAsync(person)).Stage);
        var vote = new Dictionary<string, string> { ["Input.Vote.Entitled"] = "5", ["Input.Vote.Present"] = "5", ["Input.Vote.For"] = "4", ["Input.Outcome"] = "Cancel" };
        await Ok(await StepAsync(office, caseId, 23, Today.AddDays(-DaysAgo[23]), vote));
        var member = await MemberAsync(person);
        Assert.Equal(MemberSituation.Left, member.Situation);
        Assert.Equal(Today.AddDays(-DaysAgo[23]), member.SituationSince);
        Assert.Equal(MemberStage.ProbationaryMember, member.Stage);
        var line = Assert.Single(await _portal.AuditEntriesAsync("member.situation-change", $"Member#{person}"));
        Assert.True(line.Success);
        Assert.Contains("development", line.Details);
        Assert.Equal([2, 23], (await _portal.RowsAsync("SELECT \"Status\", \"LastStep\" FROM dev_case WHERE \"Id\" = @c", ("c", caseId))).Single().Select(int.Parse));
        var page = await office.GetStringAsync(Details(caseId));
        Assert.Contains("已取消资格", page);
        Assert.DoesNotContain("data-testid=\"record-step\"", page);
    }

    [Fact]
    public async Task The_monthly_report_counts_the_months_steps_and_the_overdue_ones_as_the_records_hold_them()
    {
        var office = await _portal.SignedInAsync("office");
        var person = await _portal.AddPersonAsync("本月申请丁", Today.AddYears(-25));
        await Ok(await DevelopmentTests.ApplyAsync(office, person, Today));
        var agency = await _portal.DemoAgencyIdAsync();
        var month = new ReportPeriod(Today.Year, Today.Month);
        Task<int> StepsInMonthAsync(int step) => _portal.IntAsync(
            "SELECT COUNT(*) FROM dev_step WHERE \"AgencyId\" = @a AND \"Step\" = @s AND \"Date\" >= @f AND \"Date\" <= @l",
            ("a", agency), ("s", step), ("f", month.First), ("l", month.Last));

        var summary = await MonthlyReportTests.SummaryAsync(office, $"month={month}");
        Assert.True(MonthlyReportTests.Figure(summary, "发展党员", "入党申请") >= 1);
        foreach (var (step, label) in new[] { (1, "入党申请"), (3, "确定入党积极分子"), (7, "确定发展对象"), (17, "接收预备党员"), (24, "预备党员转正") })
            Assert.Equal(await StepsInMonthAsync(step), MonthlyReportTests.Figure(summary, "发展党员", label));
        var overdue = await _portal.OverdueCasesAsync(agency, Today);
        Assert.True(overdue >= 1);
        Assert.Equal(overdue, MonthlyReportTests.Figure(summary, "发展党员", "逾期步骤"));
        var html = await office.GetStringAsync($"/Reports/Monthly?month={month}");
        Assert.Contains("aria-label=\"发展党员\"", html);
        Assert.Contains("本月申请丁", html);
    }

    [Fact]
    public async Task The_demo_pipeline_reads_true_against_the_directory()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        // Each open demo case's stage is the directory stage of its person: a case waiting for the approval of its
        // admission (steps 12–16) is still a candidate there; a case past step 17 a probationary member.
        var rows = await _portal.RowsAsync(
            "SELECT c.\"MemberId\", c.\"Stage\", c.\"LastStep\", d.\"Stage\", d.\"Situation\", CAST(d.\"JoinedDate\" AS TEXT), " +
            "(SELECT CAST(MIN(s.\"Date\") AS TEXT) FROM dev_step s WHERE s.\"CaseId\" = c.\"Id\" AND s.\"Step\" = 15) " +
            "FROM dev_case c JOIN dir_member d ON d.\"Id\" = c.\"MemberId\" WHERE c.\"AgencyId\" = @a AND c.\"Status\" = 0", ("a", agency));
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var lastStep = int.Parse(r[2]);
            var expected = lastStep switch
            {
                <= 2 => MemberStage.Applicant,
                <= 6 => MemberStage.Activist,
                <= 16 => MemberStage.DevelopmentCandidate,
                <= 23 => MemberStage.ProbationaryMember,
                _ => MemberStage.FullMember,
            };
            Assert.True(expected == (MemberStage)int.Parse(r[3]), $"member {r[0]}: case at step {lastStep}, directory stage {(MemberStage)int.Parse(r[3])}");
            // The date of joining is the branch's vote (step 15).
            if (expected == MemberStage.ProbationaryMember) Assert.Equal(r[5], r[6]);
        }
        // Everyone on the way in the directory (here, not away) has a case, and the pipeline counts them per stage.
        var onTheWay = await _portal.IntAsync("SELECT COUNT(*) FROM dir_member WHERE \"AgencyId\" = @a AND \"Stage\" < 4 AND \"Situation\" = 0", ("a", agency));
        var withCase = await _portal.IntAsync("SELECT COUNT(*) FROM dir_member d JOIN dev_case c ON c.\"MemberId\" = d.\"Id\" " +
            "WHERE d.\"AgencyId\" = @a AND d.\"Stage\" < 4 AND d.\"Situation\" = 0 AND c.\"Status\" = 0", ("a", agency));
        Assert.Equal(onTheWay, withCase);
        var office = await _portal.SignedInAsync("office");
        var pipeline = await office.GetStringAsync("/m/development");
        string[] stages = ["Application", "Activist", "Candidate", "Admission", "Probation"];
        for (var stage = 1; stage <= stages.Length; stage++)
        {
            var count = await _portal.IntAsync("SELECT COUNT(*) FROM dev_case WHERE \"AgencyId\" = @a AND \"Status\" = 0 AND \"Stage\" = @s", ("a", agency), ("s", stage));
            Assert.Contains($"data-stage=\"{stages[stage - 1]}\">{count}</strong>", pipeline);
        }
    }
}
