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
}
