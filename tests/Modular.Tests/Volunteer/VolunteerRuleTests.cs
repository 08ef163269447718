using Modular.Modules.Volunteer.Domain;
using Modular.Modules.Volunteer.Rules;
using Modular.Sdk;

namespace Modular.Tests.Volunteer;

/// <summary>The volunteer module's rules at their boundaries (plain code, compiled here from the module's source).</summary>
public sealed class VolunteerRuleTests
{
    private static readonly DateTime Start = new(2026, 12, 5, 9, 0, 0);

    private static ActivityRules.Input Valid(DateTime? end = null, int? capacity = 10, DateTime? deadline = null, string? title = "学雷锋志愿服务进社区") =>
        new(title, "文化路社区党群服务中心", Start, end ?? Start.AddHours(3), capacity, deadline ?? Start.AddDays(-1), 7);

    private static IEnumerable<string> Fields(ActivityRules.Input input, int accepted = 0) => ActivityRules.Validate(input, accepted).Select(p => p.Field);

    [Fact]
    public void A_complete_activity_is_valid() => Assert.Empty(ActivityRules.Validate(Valid()));

    [Fact]
    public void The_end_must_be_after_the_start()
    {
        Assert.Contains("EndsAt", Fields(Valid(end: Start)));
        Assert.Contains("EndsAt", Fields(Valid(end: Start.AddMinutes(-1))));
        Assert.DoesNotContain("EndsAt", Fields(Valid(end: Start.AddMinutes(1))));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-3, true)]
    [InlineData(1, false)]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Places_from_one_to_a_thousand(int capacity, bool invalid) => Assert.Equal(invalid, Fields(Valid(capacity: capacity)).Contains("Capacity"));

    [Fact]
    public void Capacity_cannot_drop_below_those_holding_a_place()
    {
        Assert.Contains("Capacity", Fields(Valid(capacity: 4), accepted: 5));
        Assert.DoesNotContain("Capacity", Fields(Valid(capacity: 5), accepted: 5));
    }

    [Fact]
    public void Sign_up_closes_no_later_than_the_start()
    {
        Assert.DoesNotContain("SignUpDeadline", Fields(Valid(deadline: Start)));
        Assert.Contains("SignUpDeadline", Fields(Valid(deadline: Start.AddMinutes(1))));
    }

    [Fact]
    public void Missing_fields_are_each_named()
    {
        var fields = Fields(new ActivityRules.Input(" ", null, null, null, null, null, null)).ToList();
        Assert.Equal(["Title", "Place", "StartsAt", "EndsAt", "Capacity", "SignUpDeadline", "OrganizerMemberId"], fields);
    }

    [Fact]
    public void Sign_up_is_open_until_the_deadline_of_a_published_activity()
    {
        var deadline = Start.AddHours(-1);
        Assert.True(SignUpRules.IsOpen(ActivityStatus.Published, deadline, deadline));
        Assert.False(SignUpRules.IsOpen(ActivityStatus.Published, deadline, deadline.AddSeconds(1)));
        Assert.False(SignUpRules.IsOpen(ActivityStatus.Draft, deadline, deadline.AddDays(-1)));
        Assert.False(SignUpRules.IsOpen(ActivityStatus.Cancelled, deadline, deadline.AddDays(-1)));
        Assert.True(SignUpRules.OrganizerMayAdd(ActivityStatus.Published, Start.AddHours(3), Start.AddHours(2)));
        Assert.False(SignUpRules.OrganizerMayAdd(ActivityStatus.Published, Start.AddHours(3), Start.AddHours(3).AddSeconds(1)));
        Assert.True(SignUpRules.MayCancel(SignUpStatus.Waiting, deadline, deadline));
        Assert.False(SignUpRules.MayCancel(SignUpStatus.Accepted, deadline, deadline.AddMinutes(1)));
    }

    [Theory]
    [InlineData(120, 2.0)]
    [InlineData(93, 1.6)]   // 1.55 rounds away from zero
    [InlineData(0, 0.0)]
    [InlineData(-30, 0.0)]
    [InlineData(60 * 30, 24.0)]
    public void Hours_come_from_check_in_and_out(int minutes, double hours) =>
        Assert.Equal((decimal)hours, HoursRules.FromAttendance(Start, Start.AddMinutes(minutes)));

    [Fact]
    public void A_late_tap_by_the_organiser_counts_to_the_end()
    {
        var end = Start.AddHours(3);
        Assert.Equal(end, HoursRules.OrganizerCheckOutTime(end.AddDays(1), end));
        Assert.Equal(end.AddHours(-1), HoursRules.OrganizerCheckOutTime(end.AddHours(-1), end));
    }

    [Theory]
    [InlineData(2.5, "人员提前离开", null)]
    [InlineData(null, "人员提前离开", "Hours must be from 0 to 24.")]
    [InlineData(-1.0, "人员提前离开", "Hours must be from 0 to 24.")]
    [InlineData(24.5, "人员提前离开", "Hours must be from 0 to 24.")]
    [InlineData(3.0, " ", "Please give the reason for the adjustment.")]
    public void An_adjustment_needs_hours_in_range_and_a_reason(double? hours, string reason, string? problem) =>
        Assert.Equal(problem, HoursRules.ValidateAdjustment((decimal?)hours, reason));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(7, 10)]
    [InlineData(37.5, 40)]
    [InlineData(120, 200)]
    public void Chart_scales_are_round(double max, double scale) => Assert.Equal((decimal)scale, BarChart.NiceCeiling((decimal)max));

    [Fact]
    public void The_chart_is_plain_svg_with_escaped_labels()
    {
        var svg = BarChart.Svg([new("1月", 12.5m), new("<b>", 0m)], "每月服务时长", "小时");
        Assert.StartsWith("<svg", svg);
        Assert.Contains("&lt;b&gt;", svg);
        Assert.DoesNotContain("style=", svg);
        Assert.Contains("12.5", svg);
    }

    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void A_log_entry_records_what_has_been_done()
    {
        Assert.Null(PartnerRules.LogProblem(Today, " 走访慰问困难群众 ", Today));
        Assert.Equal("Enter the date and what was done.", PartnerRules.LogProblem(null, "走访", Today)?.Message);
        Assert.Equal("Enter the date and what was done.", PartnerRules.LogProblem(Today, " ", Today)?.Message);
        Assert.Equal("The title can be at most 100 characters.", PartnerRules.LogProblem(Today, new string('访', 101), Today)?.Message);
        Assert.Equal("The log records what has been done: the date cannot be in the future.", PartnerRules.LogProblem(Today.AddDays(1), "走访", Today)?.Message);
        // The message goes next to the field that is wrong.
        Assert.Equal(["date", "title", "title", "date"], new[] { PartnerRules.LogProblem(null, "走访", Today), PartnerRules.LogProblem(Today, " ", Today),
            PartnerRules.LogProblem(Today, new string('访', 101), Today), PartnerRules.LogProblem(Today.AddDays(1), "走访", Today) }.Select(p => p!.Field));
        Assert.Equal("phone", PartnerRules.ContactProblem("张主任", "1380000123")?.Field);
        Assert.Equal("name", PartnerRules.ContactProblem(" ", "1380000123")?.Field);
    }

    [Theory]
    [InlineData("张主任", null, true)]
    [InlineData("张主任", "13800001234", true)]
    [InlineData("张主任", "0377-61234567", true)]
    [InlineData("张主任", "03776123456", true)]
    [InlineData("张主任", "1380000123", false)]
    [InlineData("张主任", "23800001234", false)]
    [InlineData(" ", null, false)]
    public void A_contact_has_a_name_and_a_plausible_phone(string name, string? phone, bool valid) =>
        Assert.Equal(valid, PartnerRules.ContactProblem(name, phone) is null);

    [Fact]
    public void Optional_text_is_trimmed_and_cut()
    {
        Assert.Null(PartnerRules.Optional("  ", 50));
        Assert.Equal("社区书记", PartnerRules.Optional(" 社区书记 ", 50));
        Assert.Equal(50, PartnerRules.Optional(new string('长', 60), 50)!.Length);
    }
}
