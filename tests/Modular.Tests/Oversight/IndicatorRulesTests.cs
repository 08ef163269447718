using Modular.Host.Oversight;
using Modular.Modules.Integrity.Rules;
using Modular.Sdk;

namespace Modular.Tests.Oversight;

/// <summary>The shared traffic-light rules at their thresholds, and the committee task rules.</summary>
public sealed class IndicatorRulesTests
{
    [Theory]
    [InlineData(100, IndicatorLight.Green)]
    [InlineData(95, IndicatorLight.Green)]
    [InlineData(94.9, IndicatorLight.Amber)]
    [InlineData(80, IndicatorLight.Amber)]
    [InlineData(79.9, IndicatorLight.Red)]
    [InlineData(0, IndicatorLight.Red)]
    public void Higher_is_better_and_a_value_at_a_threshold_takes_the_better_light(decimal value, IndicatorLight light) =>
        Assert.Equal(light, IndicatorRules.AtLeast(value, 95, 80));

    [Theory]
    [InlineData(0, IndicatorLight.Green)]
    [InlineData(1, IndicatorLight.Amber)]
    [InlineData(2, IndicatorLight.Amber)]
    [InlineData(3, IndicatorLight.Red)]
    public void Lower_is_better_for_overdue_counts(decimal value, IndicatorLight light) =>
        Assert.Equal(light, IndicatorRules.AtMost(value, 0, 2));

    [Fact]
    public void With_equal_thresholds_there_is_no_amber()
    {
        Assert.Equal(IndicatorLight.Green, IndicatorRules.AtMost(0, 0, 0));
        Assert.Equal(IndicatorLight.Red, IndicatorRules.AtMost(1, 0, 0));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 0, null)]
    [InlineData(0, 3, 0.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(3, 3, 100.0)]
    public void A_share_is_a_percent_with_one_decimal_and_none_when_nothing_was_expected(decimal part, decimal whole, double? percent) =>
        Assert.Equal(percent is null ? null : (decimal)percent.Value, IndicatorRules.Percent(part, whole));

    [Fact]
    public void A_value_carries_its_key_organisation_and_detail()
    {
        var v = IndicatorRules.AtLeast("dues.collected-share", 80, 95, 80, organizationId: 7, detail: "8/10");
        Assert.Equal(("dues.collected-share", IndicatorLight.Amber, 7, "8/10"), (v.Key, v.Light, v.OrganizationId, v.Detail));
        Assert.StartsWith("≥95% 绿，80%–95% 黄", IndicatorRules.AtLeastText(95, 80).Zh);
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(2, 6, 1)]
    [InlineData(2, 7, 2)]
    [InlineData(2, 12, 2)]
    [InlineData(4, 3, 1)]
    [InlineData(4, 4, 2)]
    public void Warning_education_is_due_pro_rata_rounded_up(int target, int month, int due) =>
        Assert.Equal(due, WarningTargetRules.Expected(target, month));

    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly IReadOnlySet<int> Active = new HashSet<int> { 1, 2, 3 };

    [Fact]
    public void A_task_needs_title_text_agencies_of_the_list_and_no_past_deadline()
    {
        Assert.Empty(CommitteeTaskRules.CheckDraft(new(HigherTaskKind.Task, "报送材料", "请报送", Today, [1, 2]), Active, Today));
        var problems = CommitteeTaskRules.CheckDraft(new(HigherTaskKind.Task, " ", null, Today.AddDays(-1), []), Active, Today);
        Assert.Equal(["Title", "Body", "Deadline", "AgencyIds"], problems.Select(p => p.Field));
        Assert.Equal("AgencyIds", Assert.Single(CommitteeTaskRules.CheckDraft(new(HigherTaskKind.Notice, "t", "b", null, [1, 99]), Active, Today)).Field);
        Assert.Equal("Title", Assert.Single(CommitteeTaskRules.CheckDraft(new(HigherTaskKind.Notice, new string('题', 201), "b", null, [1]), Active, Today)).Field);
        Assert.Equal("Kind", Assert.Single(CommitteeTaskRules.CheckDraft(new((HigherTaskKind)7, "t", "b", null, [1]), Active, Today)).Field);
    }

    [Fact]
    public void A_report_moves_forward_with_text_and_not_after_done()
    {
        Assert.Empty(CommitteeTaskRules.CheckReport(HigherTaskState.Open, new(HigherTaskState.Done, "已完成")));
        Assert.Empty(CommitteeTaskRules.CheckReport(HigherTaskState.InProgress, new(HigherTaskState.InProgress, "推进中")));
        Assert.Equal("State", Assert.Single(CommitteeTaskRules.CheckReport(HigherTaskState.Open, new(HigherTaskState.Open, "x"))).Field);
        Assert.Equal("Progress", Assert.Single(CommitteeTaskRules.CheckReport(HigherTaskState.Open, new(HigherTaskState.Done, "  "))).Field);
        Assert.Equal("Progress", Assert.Single(CommitteeTaskRules.CheckReport(HigherTaskState.Open, new(HigherTaskState.Done, new string('字', 2001)))).Field);
        Assert.Single(CommitteeTaskRules.CheckReport(HigherTaskState.Done, new(HigherTaskState.Done, "again")));
    }
}
