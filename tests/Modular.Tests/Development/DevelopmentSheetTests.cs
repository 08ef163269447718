using Modular.Modules.Development.Domain;
using Modular.Modules.Development.Rules;
using Modular.Sdk;

namespace Modular.Tests.Development;

/// <summary>
/// The import sheet of people already on the way (plain code, compiled here from the module's source): each row replays
/// its steps through the step gates, so the sheet meets the rules of the step form at their boundaries, and every
/// problem names its row and column.
/// </summary>
public sealed class DevelopmentSheetTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private const int Person = 1, Other = 2, Mentor = 10, Sponsor1 = 11, Sponsor2 = 12, Probationary = 13;

    private static MemberInfo M(int id, string name, MemberStage stage, MemberSituation situation = MemberSituation.Normal) =>
        new(id, name, Gender.Unknown, stage, situation, 100, null, null, null, false, null, null);

    private static readonly Dictionary<int, MemberInfo> Members = new[]
    {
        M(Person, "张发展", MemberStage.Applicant), M(Other, "李在外", MemberStage.Applicant),
        M(Mentor, "王联系", MemberStage.FullMember), M(Sponsor1, "赵介绍", MemberStage.FullMember), M(Sponsor2, "钱介绍", MemberStage.FullMember),
        M(Probationary, "孙预备", MemberStage.ProbationaryMember),
    }.ToDictionary(m => m.Id);

    private static SheetContext Context(int? age = 30, Func<int, bool>? hasCase = null) =>
        new(Members, m => m.Id != Other, hasCase ?? (_ => false), (_, _) => age);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A row of <see cref="Person"/> with steps 1..<paramref name="upTo"/>, step n on <paramref name="start"/> + n days, mentors where step 5 is done.</summary>
    private static Dictionary<string, object?> Row(int upTo, DateOnly start, string stage, Func<int, DateOnly>? dateOf = null)
    {
        var row = new Dictionary<string, object?> { [CaseSheet.Name] = "张发展", [CaseSheet.StageColumn] = stage };
        for (var step = 1; step <= upTo; step++) row[CaseSheet.StepColumn(step)] = Day(dateOf?.Invoke(step) ?? start.AddDays(step));
        if (upTo >= Steps.Mentors) row[CaseSheet.Mentors] = "王联系";
        return row;
    }

    private static (SheetCase? Case, List<SheetProblem> Problems) Check(Dictionary<string, object?> row, SheetContext? context = null)
    {
        var problems = new List<SheetProblem>();
        return (CaseSheet.Check(7, row, context ?? Context(), Today, problems), problems);
    }

    [Fact]
    public void The_template_names_each_step_and_the_figures_beside_their_steps()
    {
        var columns = CaseSheet.Columns.ToList();
        Assert.Equal(["姓名", "名册编号", "阶段", "第1步 递交入党申请书", "第2步 入党谈话"], columns.Take(5));
        Assert.Equal(columns.IndexOf("第5步 指定培养联系人") + 1, columns.IndexOf("培养联系人"));
        Assert.Equal(columns.IndexOf("第15步 支部大会讨论接收") + 1, columns.IndexOf("接收表决应到正式党员"));
        Assert.Equal("第25步 材料归档", columns[^1]);
    }

    [Fact]
    public void A_valid_row_gives_the_steps_in_order_its_mentor_and_the_stage_it_reaches()
    {
        var (c, problems) = Check(Row(5, Today.AddDays(-100), "入党积极分子"));
        Assert.Empty(problems);
        Assert.Equal([1, 2, 3, 4, 5], c!.Entries.Select(e => e.Step));
        Assert.Equal([Mentor], c.Entries[4].Mentors);
        Assert.Equal(MemberStage.Activist, c.Stage);
        Assert.Equal(Person, c.Person.Id);
    }

    [Fact]
    public void The_candidate_is_refused_364_days_after_becoming_an_activist_and_taken_on_the_365th()
    {
        var activist = new DateOnly(2025, 3, 1);
        DateOnly Dates(int step, DateOnly candidate) => step < 3 ? activist.AddDays(step - 10) : step < 7 ? activist.AddDays(step - 3) : candidate.AddDays(step - 7);

        var (early, problems) = Check(Row(7, activist, "发展对象", s => Dates(s, activist.AddYears(1).AddDays(-1))));
        Assert.Null(early);
        var p = Assert.Single(problems);
        Assert.Equal((7, "第7步 确定发展对象"), (p.Row, p.Column));
        Assert.StartsWith("A candidate can be decided at the earliest one year after becoming an activist", p.Message);

        var (onTime, none) = Check(Row(7, activist, "发展对象", s => Dates(s, activist.AddYears(1))));
        Assert.Empty(none);
        Assert.Equal(MemberStage.DevelopmentCandidate, onTime!.Stage);
    }

    [Fact]
    public void A_gap_in_the_steps_a_bad_date_and_a_stage_that_does_not_fit_are_named_by_column()
    {
        var gap = Row(5, Today.AddDays(-100), "入党积极分子");
        gap.Remove(CaseSheet.StepColumn(4));
        var (_, gapProblems) = Check(gap);
        Assert.Equal(("第5步 指定培养联系人", "Steps are recorded in order: the next step is step {0}."), (gapProblems.Single().Column, gapProblems.Single().Message));

        var badDate = Row(2, Today.AddDays(-100), "入党申请人");
        badDate[CaseSheet.StepColumn(2)] = "2026-13-45";
        Assert.Equal(["第2步 入党谈话"], Check(badDate).Problems.Select(p => p.Column));

        var (_, stage) = Check(Row(3, Today.AddDays(-100), "入党申请人"));
        Assert.Equal((CaseSheet.StageColumn, "入党积极分子"), (stage.Single().Column, stage.Single().Args[0]));
        Assert.Equal([CaseSheet.StageColumn], Check(Row(3, Today.AddDays(-100), "积极份子")).Problems.Select(p => p.Column));
        // A date in the future is the step form's refusal too.
        Assert.Equal(["第2步 入党谈话"], Check(Row(2, Today.AddDays(-1), "入党申请人")).Problems.Select(p => p.Column));
    }

    [Fact]
    public void The_age_of_18_on_the_application_is_the_gate_of_step_1()
    {
        Assert.Equal(["第1步 递交入党申请书"], Check(Row(1, Today.AddDays(-10), "入党申请人"), Context(age: 17)).Problems.Select(p => p.Column));
        Assert.Empty(Check(Row(1, Today.AddDays(-10), "入党申请人"), Context(age: 18)).Problems);
    }

    [Fact]
    public void People_are_found_by_number_or_name_in_this_agency_only_and_in_the_users_branches()
    {
        var byNumber = Row(1, Today.AddDays(-10), "入党申请人");
        byNumber.Remove(CaseSheet.Name);
        byNumber[CaseSheet.Number] = Person.ToString();
        Assert.Equal(Person, Check(byNumber).Case!.Person.Id);

        // Another agency's number is not in this agency's roster.
        byNumber[CaseSheet.Number] = "99999";
        Assert.Equal((CaseSheet.Number, "There is no one with number {0} on the roster."), (Check(byNumber).Problems.Single().Column, Check(byNumber).Problems.Single().Message));
        var notMine = Row(1, Today.AddDays(-10), "入党申请人");
        notMine[CaseSheet.Name] = "李在外";
        Assert.Equal("{0} is not in a branch you work on.", Check(notMine).Problems.Single().Message);
        Assert.Equal("{0}'s development is already recorded.", Check(Row(1, Today.AddDays(-10), "入党申请人"), Context(hasCase: id => id == Person)).Problems.Single().Message);
        var nobody = Row(1, Today.AddDays(-10), "入党申请人");
        nobody[CaseSheet.Name] = null;
        Assert.Equal(CaseSheet.Name, Check(nobody).Problems.Single().Column);
    }

    [Fact]
    public void Mentors_and_sponsors_must_be_full_members_and_the_vote_needs_its_figures()
    {
        var probationaryMentor = Row(5, Today.AddDays(-100), "入党积极分子");
        probationaryMentor[CaseSheet.Mentors] = "孙预备";
        Assert.Equal([CaseSheet.Mentors], Check(probationaryMentor).Problems.Select(p => p.Column));

        var start = new DateOnly(2024, 1, 1);
        DateOnly Dates(int step) => step < 7 ? start.AddDays(step) : start.AddYears(1).AddDays(step);
        var row = Row(15, start, "发展对象", Dates);
        row[CaseSheet.Sponsors] = "赵介绍、钱介绍";
        row[CaseSheet.Conclusion] = "政治合格";
        row[CaseSheet.TrainingHours] = 24d;
        var (_, noVote) = Check(row);
        Assert.Equal(["接收表决应到正式党员", "接收表决实到", "接收表决赞成"], noVote.Select(p => p.Column));

        var vote = CaseSheet.VoteColumns(Steps.AdmissionVote);
        (row[vote.Entitled], row[vote.Present], row[vote.For]) = (20d, 10d, 10d);
        Assert.Equal(["接收表决实到", "接收表决赞成"], Check(row).Problems.Select(p => p.Column));
        (row[vote.Present], row[vote.For]) = (11d, 11d);
        var (c, none) = Check(row);
        Assert.Empty(none);
        // The vote alone admits nobody: the stage moves with the higher committee's approval (step 17).
        Assert.Equal(MemberStage.DevelopmentCandidate, c!.Stage);
        Assert.Equal([Sponsor1, Sponsor2], c.Entries[8].Sponsors);
    }
}
