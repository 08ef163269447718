using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;

namespace Modular.Tests.OrgLife;

/// <summary>The organisational-life rules of DOMAIN.md at their boundaries (plain code, no host).</summary>
public sealed class OrgLifeRuleTests
{
    private static List<AttendanceFact> People(int fullPresent, int fullAway, int probationaryPresent = 0, int committeePresent = 0, int committeeAway = 0)
    {
        var list = new List<AttendanceFact>();
        list.AddRange(Enumerable.Repeat(new AttendanceFact(Attendance.Present, true, false), fullPresent));
        list.AddRange(Enumerable.Repeat(new AttendanceFact(Attendance.Leave, true, false), fullAway));
        list.AddRange(Enumerable.Repeat(new AttendanceFact(Attendance.Present, false, false), probationaryPresent));
        list.AddRange(Enumerable.Repeat(new AttendanceFact(Attendance.Present, true, true), committeePresent));
        list.AddRange(Enumerable.Repeat(new AttendanceFact(Attendance.Absent, true, true), committeeAway));
        return list;
    }

    [Theory]
    [InlineData(5, 5, true)]   // 5 of 10 is not more than half
    [InlineData(6, 4, false)]
    [InlineData(5, 4, false)]  // 5 of 9 is
    [InlineData(4, 5, true)]
    public void A_members_meeting_needs_more_than_half_of_the_voters_present(int present, int away, bool warned) =>
        Assert.Equal(warned, MeetingRules.Warnings(MeetingType.BranchMembersMeeting, People(present, away), []).Any(w => w.Contains("未超过应到会有表决权党员")));

    [Fact]
    public void Probationary_members_do_not_count_as_voters()
    {
        // 10 full members, 5 of them present, and 4 probationary members present: still no quorum.
        var people = People(5, 5, probationaryPresent: 4);
        Assert.Equal(10, MeetingRules.EntitledToVote(people));
        Assert.Contains(MeetingRules.Warnings(MeetingType.BranchMembersMeeting, people, []), w => w.Contains("预备党员没有表决权"));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void A_resolution_needs_for_votes_from_more_than_half_of_those_entitled(int votesFor, bool warned)
    {
        var people = People(8, 2); // 10 entitled, 8 present
        var vote = new VoteFact("通过支部年度工作计划", votesFor, 8 - votesFor, 0);
        Assert.Equal(warned, MeetingRules.Warnings(MeetingType.BranchMembersMeeting, people, [vote]).Any(w => w.Contains("不能通过")));
        Assert.Equal(!warned, MeetingRules.Passed(MeetingType.BranchMembersMeeting, people, vote));
    }

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(3, 2, false)]
    [InlineData(2, 1, false)]
    public void A_committee_meeting_needs_more_than_half_of_the_committee(int present, int away, bool warned) =>
        Assert.Equal(warned, MeetingRules.Warnings(MeetingType.BranchCommitteeMeeting, People(0, 0, committeePresent: present, committeeAway: away), [])
            .Any(w => w.Contains("未超过支委会委员")));

    [Fact]
    public void Votes_cannot_exceed_the_voters_present()
    {
        var people = People(6, 4, probationaryPresent: 3);
        Assert.Null(MeetingRules.VoteError(MeetingType.BranchMembersMeeting, people, new VoteFact("x", 5, 1, 0)));
        Assert.Contains("超过到会有表决权的 6 人", MeetingRules.VoteError(MeetingType.BranchMembersMeeting, people, new VoteFact("x", 6, 1, 0)));
        Assert.NotNull(MeetingRules.VoteError(MeetingType.BranchMembersMeeting, people, new VoteFact("x", -1, 0, 0)));
    }

    [Fact]
    public void Other_meetings_have_no_quorum_rule() =>
        Assert.Empty(MeetingRules.Warnings(MeetingType.PartyLecture, People(1, 20), []));

    private static readonly DateOnly Q3 = new(2026, 8, 15);

    [Fact]
    public void Periods_follow_the_cadence()
    {
        Assert.Equal(new Period(new(2026, 7, 1), new(2026, 9, 30), new(2026, 7, 1)), CadenceRules.PeriodOf(MeetingType.BranchMembersMeeting, Cadence.Quarterly, Q3));
        Assert.Equal(new Period(new(2026, 7, 1), new(2026, 12, 31), new(2026, 7, 1)), CadenceRules.PeriodOf(MeetingType.PartyLecture, Cadence.HalfYearly, Q3));
        Assert.Equal(new(2026, 8, 31), CadenceRules.PeriodOf(MeetingType.BranchCommitteeMeeting, Cadence.Monthly, Q3).End);
        Assert.Equal(12, CadenceRules.PeriodsOfYear(MeetingType.ThemePartyDay, Cadence.Monthly, 2026).Count);
        Assert.Equal(4, CadenceRules.PeriodsOfYear(MeetingType.PartyLecture, Cadence.Quarterly, 2026).Count);
        Assert.Empty(CadenceRules.PeriodsOfYear(MeetingType.PartyLecture, Cadence.Off, 2026));
    }

    [Theory]
    [InlineData("2026-09-30", 0, PeriodState.Due)]      // the last day of the quarter is still in time
    [InlineData("2026-10-01", 0, PeriodState.Overdue)]
    [InlineData("2026-10-01", 1, PeriodState.Held)]
    [InlineData("2026-06-30", 0, PeriodState.Upcoming)]
    public void A_quarter_is_due_until_its_last_day(string today, int held, PeriodState expected)
    {
        var q3 = CadenceRules.PeriodOf(MeetingType.BranchMembersMeeting, Cadence.Quarterly, Q3);
        Assert.Equal(expected, CadenceRules.StateOf(q3, DateOnly.Parse(today), held, 1));
    }

    [Theory]
    [InlineData("2026-09-30", PeriodState.Upcoming)]
    [InlineData("2026-10-01", PeriodState.Due)]
    [InlineData("2026-12-31", PeriodState.Due)]
    [InlineData("2027-01-01", PeriodState.Overdue)]
    public void The_organisational_life_meeting_is_due_in_the_fourth_quarter(string today, PeriodState expected)
    {
        var year = CadenceRules.PeriodOf(MeetingType.OrganizationalLifeMeeting, Cadence.Yearly, new DateOnly(2026, 3, 1));
        Assert.Equal(expected, CadenceRules.StateOf(year, DateOnly.Parse(today), 0, 1));
    }

    [Fact]
    public void Group_meetings_count_each_group_and_rules_that_do_not_apply_say_so()
    {
        var month = CadenceRules.PeriodOf(MeetingType.PartyGroupMeeting, Cadence.Monthly, Q3);
        Assert.Equal(PeriodState.Overdue, CadenceRules.StateOf(month, new DateOnly(2026, 9, 1), 2, 3));
        Assert.Equal(PeriodState.Held, CadenceRules.StateOf(month, new DateOnly(2026, 9, 1), 3, 3));
        Assert.Equal(PeriodState.NotRequired, CadenceRules.StateOf(month, new DateOnly(2026, 9, 1), 0, 0));
    }

    [Fact]
    public void The_theme_day_falls_back_to_the_months_last_day()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), CadenceRules.ThemeDayIn(2026, 2, 30));
        Assert.Equal(new DateOnly(2028, 2, 29), CadenceRules.ThemeDayIn(2028, 2, 31));
        Assert.Equal(new DateOnly(2026, 3, 15), CadenceRules.ThemeDayIn(2026, 3, 15));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(9, 3)]
    [InlineData(10, 3)]
    [InlineData(12, 4)]
    public void At_most_a_third_may_be_excellent(int graded, int max) => Assert.Equal(max, AppraisalRules.MaxExcellent(graded));

    private static List<(AppraisalGrade?, bool)> Grades(int excellent, int qualified, int probationary = 0, AppraisalGrade? probationaryGrade = null) =>
        Enumerable.Repeat<(AppraisalGrade?, bool)>((AppraisalGrade.Excellent, false), excellent)
            .Concat(Enumerable.Repeat<(AppraisalGrade?, bool)>((AppraisalGrade.Qualified, false), qualified))
            .Concat(Enumerable.Repeat<(AppraisalGrade?, bool)>((probationaryGrade, true), probationary)).ToList();

    [Fact]
    public void A_fourth_excellent_among_ten_is_refused_with_the_numbers()
    {
        Assert.Null(AppraisalRules.Check(Grades(3, 7)));
        var message = AppraisalRules.Check(Grades(4, 6));
        Assert.Equal("评为“优秀”的不能超过参加评定等次党员的三分之一：本次 10 人评定等次，“优秀”最多 3 人，现为 4 人。", message);
    }

    [Fact]
    public void Probationary_members_take_part_but_are_not_graded_nor_counted()
    {
        // 9 graded and 3 probationary: the cap is 3, not 4.
        Assert.NotNull(AppraisalRules.Check(Grades(4, 5, probationary: 3)));
        Assert.Null(AppraisalRules.Check(Grades(3, 6, probationary: 3)));
        Assert.Equal("预备党员参加民主评议，但不评定等次。", AppraisalRules.Check(Grades(1, 5, 1, AppraisalGrade.Qualified)));
        Assert.Contains("还有 1 名正式党员未评定等次", AppraisalRules.CheckComplete([(AppraisalGrade.Qualified, false), (null, false), (null, true)]));
    }

    [Fact]
    public void Talks_cover_committee_pairs_and_committee_member_pairs()
    {
        var required = TalkCoverage.RequiredPairs([1, 2, 3], [1, 2, 3, 4, 5]);
        Assert.Equal(3 + 3 * 2, required.Count); // 3 committee pairs, each of 3 committee members with 2 members
        var missing = TalkCoverage.Missing(required, [(2, 1), (4, 3), (3, 5)]);
        Assert.Equal(required.Count - 3, missing.Count);
        Assert.DoesNotContain((1, 2), missing);
        Assert.Contains((1, 4), missing);
    }

    private static readonly DateOnly MeetingDay = new(2026, 3, 10);
    private static readonly ExpectedAttendee[] Expected = [new(1, true, false), new(2, true, false), new(3, false, false)]; // 3 is probationary

    private static List<AttendanceLine> EveryonePresent() => Expected.Select(a => new AttendanceLine(a.MemberId, Attendance.Present, null)).ToList();

    private static CheckedRecord Check(List<AttendanceLine>? rows = null, List<DecisionLine>? decisions = null, string? minutes = "传达学习了上级会议精神。", DateOnly? today = null) =>
        MeetingRecordRules.Check(MeetingType.BranchMembersMeeting, MeetingDay, Expected, rows ?? EveryonePresent(), decisions ?? [], minutes, today ?? MeetingDay);

    private static IEnumerable<string> Fields(CheckedRecord record) => record.Problems.Select(p => p.Field);

    [Fact]
    public void A_complete_record_on_the_meeting_day_is_valid()
    {
        var record = Check();
        Assert.True(record.IsValid);
        Assert.Equal([1, 2, 3], record.Attendance.Select(a => a.MemberId));
    }

    [Fact]
    public void A_meeting_is_recorded_on_or_after_its_day()
    {
        Assert.Contains(Check(today: MeetingDay.AddDays(-1)).Problems, p => p.Field == "" && p.Message.Contains("still to come"));
        Assert.True(Check(today: MeetingDay.AddDays(30)).IsValid);
    }

    [Fact]
    public void Every_expected_attendee_is_accounted_for_once_and_strangers_are_ignored()
    {
        Assert.Contains(Check(EveryonePresent().Take(2).ToList()).Problems, p => p.Field == "" && p.Message.StartsWith("Record the attendance"));
        var rows = EveryonePresent();
        rows.Add(new AttendanceLine(1, Attendance.Absent, null)); // sent twice: the first counts
        rows.Add(new AttendanceLine(99, Attendance.Present, null)); // not on the list
        var record = Check(rows);
        Assert.True(record.IsValid);
        Assert.Equal(Attendance.Present, record.Attendance.Single(a => a.MemberId == 1).Attendance);
        Assert.DoesNotContain(record.Attendance, a => a.MemberId == 99);
    }

    [Fact]
    public void Leave_needs_a_short_reason_and_everyone_a_recorded_attendance()
    {
        var rows = EveryonePresent();
        rows[0] = rows[0] with { Attendance = Attendance.Expected };
        rows[1] = rows[1] with { Attendance = Attendance.Leave, LeaveReason = " " };
        rows[2] = rows[2] with { Attendance = Attendance.Leave, LeaveReason = new string('病', 201) };
        Assert.Equal(["Rows[0].Attendance", "Rows[1].LeaveReason", "Rows[2].LeaveReason"], Fields(Check(rows)));
        rows[2] = rows[2] with { LeaveReason = new string('病', 200) };
        Assert.Equal(["Rows[0].Attendance", "Rows[1].LeaveReason"], Fields(Check(rows)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void The_minutes_are_required(string? minutes) => Assert.Equal(["Minutes"], Fields(Check(minutes: minutes)));

    [Fact]
    public void Minutes_are_at_most_8000_characters()
    {
        Assert.Equal(["Minutes"], Fields(Check(minutes: new string('记', 8001))));
        Assert.True(Check(minutes: new string('记', 8000)).IsValid);
    }

    [Fact]
    public void Empty_decision_rows_are_no_vote_and_filled_ones_need_a_subject_and_possible_counts()
    {
        var record = Check(decisions: [new(null, null, null, null), new(" 发展对象人选 ", 2, 0, null)]);
        Assert.True(record.IsValid);
        Assert.Equal([new VoteFact("发展对象人选", 2, 0, 0)], record.Votes);

        // Two full members are present (the probationary member does not vote): three votes cannot be true.
        var wrong = Check(decisions: [new(null, 2, null, null), new("发展对象人选", 2, 1, 0)]);
        Assert.Equal(["Decisions[0].Subject", "Decisions[1].For"], Fields(wrong));
        Assert.Contains("超过到会有表决权的 2 人", wrong.Problems[1].Message);
        Assert.Equal(["Decisions[0].Subject"], Fields(Check(decisions: [new(new string('决', 201), 2, 0, 0)])));
    }
}
