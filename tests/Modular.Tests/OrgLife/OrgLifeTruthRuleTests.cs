using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;

namespace Modular.Tests.OrgLife;

/// <summary>Records that stay true (issue #18): rights of the meeting's day, the fixed theme Party day, appraisal stages in order.</summary>
public sealed class OrgLifeTruthRuleTests
{
    private static readonly DateOnly Meeting = new(2026, 12, 18);

    [Theory]
    [InlineData(true, null, true)]           // a full member whose date is not on file
    [InlineData(true, "2026-12-18", true)]   // full on the day
    [InlineData(true, "2026-12-19", false)]  // full only after the meeting
    [InlineData(false, null, false)]         // probationary
    public void Only_who_was_a_full_member_on_the_day_votes(bool fullNow, string? since, bool votes) =>
        Assert.Equal(votes, MeetingRules.CanVoteOn(fullNow, since is null ? null : DateOnly.Parse(since), Meeting));
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData(2026, 2, 31, "2026-02-28")]
    [InlineData(2028, 2, 31, "2028-02-29")]
    [InlineData(2026, 4, 31, "2026-04-30")]
    [InlineData(2026, 5, 31, "2026-05-31")]
    [InlineData(2026, 2, 28, "2026-02-28")]
    public void A_fixed_day_past_the_months_end_falls_on_its_last_day(int year, int month, int day, string expected) =>
        Assert.Equal(D(expected), CadenceRules.ThemeDayIn(year, month, day));

    [Theory]
    [InlineData("2026-02-10", 31, "2026-02-28")]
    [InlineData("2026-02-28", 31, "2026-02-28")] // the fixed day itself
    [InlineData("2026-03-01", 31, "2026-03-31")]
    [InlineData("2026-04-16", 15, "2026-05-15")] // passed: next month's
    [InlineData("2026-12-20", 15, "2027-01-15")]
    public void Planning_a_theme_day_proposes_the_next_fixed_day(string today, int day, string proposed) =>
        Assert.Equal(D(proposed), CadenceRules.NextThemeDay(D(today), day));

    [Theory]
    [InlineData("2026-02-01", PeriodState.Due)]
    [InlineData("2026-02-15", PeriodState.Due)]     // due on its fixed day
    [InlineData("2026-02-16", PeriodState.Overdue)] // overdue the day after, though the month is not over
    public void A_theme_day_is_due_by_its_fixed_day(string today, PeriodState expected)
    {
        var february = CadenceRules.PeriodOf(MeetingType.ThemePartyDay, Cadence.Monthly, D("2026-02-01"), themeDay: 15);
        Assert.Equal(D("2026-02-15"), february.DueBy);
        Assert.Equal(expected, CadenceRules.StateOf(february, D(today), held: 0, required: 1));
    }

    [Fact]
    public void Day_31_is_due_on_the_last_day_of_february_and_april()
    {
        var periods = CadenceRules.PeriodsOfYear(MeetingType.ThemePartyDay, Cadence.Monthly, 2026, themeDay: 31);
        Assert.Equal(D("2026-02-28"), periods[1].DueBy);
        Assert.Equal(D("2026-04-30"), periods[3].DueBy);
        Assert.Equal(D("2026-05-31"), periods[4].DueBy);
        Assert.Equal(PeriodState.Due, CadenceRules.StateOf(periods[3], D("2026-04-30"), 0, 1));
    }

    [Fact]
    public void Other_meetings_stay_due_to_the_end_of_their_period()
    {
        var quarter = CadenceRules.PeriodOf(MeetingType.BranchMembersMeeting, Cadence.Quarterly, D("2026-02-01"), themeDay: 15);
        Assert.Null(quarter.Deadline);
        Assert.Equal(D("2026-03-31"), quarter.DueBy);
    }

    private static IReadOnlyList<ComplianceCell> ThemeDays(DateOnly today, int fixedDay, params string[] held) =>
        ComplianceRules.Cells(MeetingType.ThemePartyDay, Cadence.Monthly, 2026, held.Select(h => new HeldMeeting(MeetingType.ThemePartyDay, D(h), null, null)).ToList(),
            new HashSet<int>(), 1, fixedDay, today);

    [Fact]
    public void A_theme_day_held_the_day_after_the_fixed_day_counts_and_shows_it_moved()
    {
        var cells = ThemeDays(D("2026-03-20"), 15, "2026-01-15", "2026-02-16");

        Assert.Equal(PeriodState.Held, cells[0].State);
        Assert.Null(cells[0].Moved);
        Assert.Equal(PeriodState.Held, cells[1].State);
        Assert.Equal(new ThemeDayMove(D("2026-02-15"), D("2026-02-16")), cells[1].Moved);
        Assert.Equal(PeriodState.Overdue, cells[2].State); // March: the 15th passed without one
        Assert.Equal(PeriodState.Upcoming, cells[3].State);
    }

    [Fact]
    public void Day_31_held_on_the_last_day_of_april_is_on_time_and_a_day_later_counts_for_may()
    {
        var cells = ThemeDays(D("2026-05-02"), 31, "2026-04-30");
        Assert.Equal(PeriodState.Held, cells[3].State);
        Assert.Null(cells[3].Moved);

        cells = ThemeDays(D("2026-05-02"), 31, "2026-05-01");
        Assert.Equal(PeriodState.Overdue, cells[3].State);
        Assert.Equal(PeriodState.Held, cells[4].State);
        Assert.Equal(D("2026-05-31"), cells[4].Moved!.Fixed);
    }

    [Fact]
    public void A_theme_day_also_held_on_its_fixed_day_is_not_marked_moved()
    {
        var cells = ThemeDays(D("2026-03-20"), 15, "2026-02-03", "2026-02-15");
        Assert.Null(cells[1].Moved);
    }
    private static readonly DateOnly Today = new(2026, 12, 20);

    private static AppraisalStep Step(AppraisalStage current, AppraisalStage target, string? date = "2026-12-20", string? previous = null) =>
        new(current, target, date is null ? null : D(date), previous is null ? null : D(previous), 2026, Today);

    private static AppraisalLine Line(int? excellent = 1, int? qualified = 1, AppraisalGrade? grade = null, bool probationary = false) =>
        new(excellent, qualified, 0, 0, grade, probationary);

    private static readonly AppraisalLine[] Three = [Line(), Line(), Line(probationary: true)];

    [Theory]
    [InlineData(AppraisalStage.SelfAppraisal, AppraisalStage.SelfAppraisal, null)]
    [InlineData(AppraisalStage.SelfAppraisal, AppraisalStage.PeerAppraisal, null)]
    [InlineData(AppraisalStage.SelfAppraisal, AppraisalStage.Voting, "Finish “{0}” first: the stages go in order.")]
    [InlineData(AppraisalStage.PeerAppraisal, AppraisalStage.Grading, "Finish “{0}” first: the stages go in order.")]
    [InlineData(AppraisalStage.Voting, AppraisalStage.Published, "Finish “{0}” first: the stages go in order.")]
    [InlineData(AppraisalStage.Voting, AppraisalStage.Grading, null)]
    [InlineData(AppraisalStage.Voting, AppraisalStage.PeerAppraisal, "“{0}” is done and is not reopened.")]
    [InlineData(AppraisalStage.Published, AppraisalStage.Published, "The results are published: the appraisal is closed.")]
    public void Stages_go_in_order_one_at_a_time(AppraisalStage current, AppraisalStage target, string? refused)
    {
        var problems = AppraisalRules.CheckForm(Step(current, target), Three, 3);
        if (refused is null) Assert.Empty(problems);
        else Assert.Equal(refused, Assert.Single(problems).Message);
    }

    [Fact]
    public void A_refused_skip_names_the_stage_to_finish_first() =>
        Assert.Equal(new object[] { AppraisalStage.SelfAppraisal.Label() }, Assert.Single(AppraisalRules.CheckForm(Step(AppraisalStage.SelfAppraisal, AppraisalStage.Published), Three, 3)).Args);

    [Theory]
    [InlineData(null, null, "Enter the day “{0}” was done.")]
    [InlineData("2026-12-21", null, "The day cannot be in the future.")]
    [InlineData("2025-12-31", null, "The appraisal of {0} is done in {0} or later.")]
    [InlineData("2026-12-09", "2026-12-10", "The day cannot be before the stage before it ({0}).")]
    [InlineData("2026-12-10", "2026-12-10", null)] // the same day as the stage before
    [InlineData("2026-12-20", "2026-12-10", null)]
    public void A_stage_is_done_on_a_day_not_to_come_and_not_before_the_one_before(string? date, string? previous, string? refused)
    {
        var problems = AppraisalRules.CheckForm(Step(AppraisalStage.PeerAppraisal, AppraisalStage.Voting, date, previous), Three, 3);
        if (refused is null) Assert.Empty(problems);
        else Assert.Equal(("StageDate", refused), (Assert.Single(problems).Field, problems[0].Message));
    }

    [Fact]
    public void Saving_a_stage_needs_no_day() =>
        Assert.Empty(AppraisalRules.CheckForm(Step(AppraisalStage.Voting, AppraisalStage.Voting, date: null), Three, 3));

    [Theory]
    [InlineData(3, 0, null)]
    [InlineData(2, 1, null)]
    [InlineData(0, 0, null)] // not voted yet: fine while the vote is under way
    [InlineData(-1, 0, "Vote counts are whole numbers from 0 to the {0} participants.")]
    [InlineData(4, 0, "Vote counts are whole numbers from 0 to the {0} participants.")]
    [InlineData(2, 2, "The votes for one member add up to {0}, more than the {1} participants.")]
    public void A_members_votes_add_up_to_no_more_than_the_participants(int excellent, int qualified, string? refused)
    {
        var problems = AppraisalRules.CheckForm(Step(AppraisalStage.Voting, AppraisalStage.Voting), [Line(), Line(excellent, qualified), Line()], 3);
        if (refused is null) Assert.Empty(problems);
        else Assert.Equal(("Entries[1].Excellent", refused), (Assert.Single(problems).Field, problems[0].Message));
    }

    [Fact]
    public void The_vote_is_done_only_when_every_participant_has_votes()
    {
        AppraisalLine[] lines = [Line(), Line(0, 0), Line(probationary: true)];
        var problem = Assert.Single(AppraisalRules.CheckForm(Step(AppraisalStage.Voting, AppraisalStage.Grading), lines, 3));
        Assert.Equal(("Entries[1].Excellent", "Enter this member's votes before finishing the vote."), (problem.Field, problem.Message));
    }

    [Fact]
    public void Every_participant_is_on_the_form() =>
        Assert.Contains(AppraisalRules.CheckForm(Step(AppraisalStage.Voting, AppraisalStage.Voting), [Line()], 2), p => p.Field == "" && p.Message == "Every participant must be on the form.");

    [Fact]
    public void Stage_and_grades_come_from_their_lists_and_probationary_members_get_none()
    {
        var problems = AppraisalRules.CheckForm(Step(AppraisalStage.Grading, (AppraisalStage)9), [Line(grade: (AppraisalGrade)9), Line(grade: AppraisalGrade.Qualified, probationary: true)], 2);
        Assert.Contains(problems, p => p.Field == "Stage");
        Assert.Contains(problems, p => p.Field == "Entries[0].Grade" && p.Message == "Choose a grade.");
        Assert.Contains(problems, p => p.Field == "Entries[1].Grade" && p.Message == "预备党员参加民主评议，但不评定等次。");
    }

    [Fact]
    public void Grades_keep_to_a_third_excellent_and_publishing_needs_every_full_member_graded()
    {
        AppraisalLine[] two = [Line(grade: AppraisalGrade.Excellent), Line(grade: AppraisalGrade.Qualified), Line(grade: AppraisalGrade.Qualified), Line(probationary: true)];
        Assert.Empty(AppraisalRules.CheckForm(Step(AppraisalStage.Grading, AppraisalStage.Published), two, 4));
        AppraisalLine[] tooMany = [Line(grade: AppraisalGrade.Excellent), Line(grade: AppraisalGrade.Excellent), Line(grade: AppraisalGrade.Qualified), Line(probationary: true)];
        Assert.Contains("“优秀”最多 1 人，现为 2 人", Assert.Single(AppraisalRules.CheckForm(Step(AppraisalStage.Grading, AppraisalStage.Grading), tooMany, 4)).Message);
        AppraisalLine[] missing = [Line(grade: AppraisalGrade.Qualified), Line(), Line(probationary: true)];
        Assert.Empty(AppraisalRules.CheckForm(Step(AppraisalStage.Grading, AppraisalStage.Grading), missing, 3));
        Assert.Contains("还有 1 名正式党员未评定等次", Assert.Single(AppraisalRules.CheckForm(Step(AppraisalStage.Grading, AppraisalStage.Published), missing, 3)).Message);
    }

    [Theory]
    [InlineData("2026-09-30", false, PeriodState.Upcoming)]
    [InlineData("2026-10-01", false, PeriodState.Due)]      // due from the fourth quarter
    [InlineData("2026-12-31", false, PeriodState.Due)]
    [InlineData("2027-01-01", false, PeriodState.Overdue)]
    [InlineData("2027-01-01", true, PeriodState.Held)]
    [InlineData("2026-05-13", true, PeriodState.Held)]
    public void The_yearly_appraisal_is_due_in_the_fourth_quarter_and_done_when_published(string today, bool published, PeriodState expected) =>
        Assert.Equal(expected, AppraisalRules.YearState(2026, D(today), published));
}
