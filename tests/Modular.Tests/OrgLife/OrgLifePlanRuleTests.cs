using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;

namespace Modular.Tests.OrgLife;

/// <summary>The plan form, the cancellation reason and the appraisal form at their boundaries (plain code, no host).</summary>
public sealed class OrgLifePlanRuleTests
{
    private static readonly int[] Groups = [21, 22];
    private static readonly int[] Members = [101, 102, 103];

    private static PlanLine Plan(MeetingType type = MeetingType.BranchCommitteeMeeting, int? group = null, DateOnly? date = null, string? place = "党员活动室",
        int? host = 101, string? topic = "学习贯彻全会精神") => new(type, group, date ?? new DateOnly(2026, 12, 10), place, host, topic);

    private static List<string> Fields(PlanLine plan) => MeetingPlanRules.Check(plan, Groups, Members).Select(p => p.Field).ToList();

    [Fact]
    public void A_complete_plan_passes() => Assert.Empty(MeetingPlanRules.Check(Plan(), Groups, Members));

    [Fact]
    public void A_group_meeting_needs_a_group_of_the_branch()
    {
        Assert.Equal("Choose the Party group.", Assert.Single(MeetingPlanRules.Check(Plan(MeetingType.PartyGroupMeeting), Groups, Members)).Message);
        Assert.Equal("The Party group must belong to the branch.", Assert.Single(MeetingPlanRules.Check(Plan(MeetingType.PartyGroupMeeting, group: 99), Groups, Members)).Message);
        Assert.Empty(MeetingPlanRules.Check(Plan(MeetingType.PartyGroupMeeting, group: 22), Groups, Members));
        // Other meetings ignore a group sent along.
        Assert.Empty(MeetingPlanRules.Check(Plan(group: 99), Groups, Members));
    }

    [Fact]
    public void An_unknown_meeting_type_is_refused() => Assert.Equal(["Type"], Fields(Plan((MeetingType)99)));

    [Theory]
    [InlineData(1999, true)]
    [InlineData(2000, false)]
    [InlineData(2100, false)]
    [InlineData(2101, true)]
    public void The_date_is_of_2000_to_2100(int year, bool refused) => Assert.Equal(refused, Fields(Plan(date: new DateOnly(year, 6, 1))).Contains("Date"));

    [Fact]
    public void Place_and_topic_are_required_and_limited_after_trimming()
    {
        Assert.Equal(["Place", "Topic"], Fields(Plan(place: " ", topic: null)));
        Assert.Empty(Fields(Plan(place: " " + new string('室', MeetingPlanRules.MaxPlace) + " ", topic: new string('学', MeetingPlanRules.MaxTopic))));
        Assert.Equal(["Place", "Topic"], Fields(Plan(place: new string('室', MeetingPlanRules.MaxPlace + 1), topic: new string('学', MeetingPlanRules.MaxTopic + 1))));
    }

    [Fact]
    public void The_host_is_a_Party_member_of_the_branch_or_nobody()
    {
        Assert.Equal(["HostMemberId"], Fields(Plan(host: 999)));
        Assert.Empty(Fields(Plan(host: null)));
    }

    [Fact]
    public void A_cancellation_gives_its_reason_in_at_most_500_characters()
    {
        Assert.Equal("Enter why the meeting is cancelled.", MeetingPlanRules.CancelReasonProblem("  "));
        Assert.Null(MeetingPlanRules.CancelReasonProblem(" " + new string('因', 500) + " "));
        Assert.Equal("The reason can be at most 500 characters.", MeetingPlanRules.CancelReasonProblem(new string('因', 501)));
    }
}
