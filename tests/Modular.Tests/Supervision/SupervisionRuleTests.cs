using Modular.Modules.Supervision.Domain;
using Modular.Modules.Supervision.Rules;
using Modular.Sdk;

namespace Modular.Tests.Supervision;

/// <summary>The supervision module's rules at their boundaries: stages, overdue, escalation, forms, record proof, indicator lights.</summary>
public sealed class SupervisionRuleTests
{
    private static readonly DateOnly Today = new(2026, 5, 13);

    [Fact]
    public void The_stage_is_the_furthest_step_reached_and_done_wins()
    {
        Assert.Equal(TaskStage.Planned, TaskRules.Stage(WorkTaskStatus.Open, []));
        Assert.Equal(TaskStage.Prompted, TaskRules.Stage(WorkTaskStatus.Open, [StepKind.Prompted]));
        Assert.Equal(TaskStage.Reported, TaskRules.Stage(WorkTaskStatus.Open, [StepKind.Prompted, StepKind.Reported]));
        // A report after the escalation does not take the task back from 督办.
        Assert.Equal(TaskStage.Escalated, TaskRules.Stage(WorkTaskStatus.Open, [StepKind.Checked, StepKind.Escalated, StepKind.Reported]));
        Assert.Equal(TaskStage.Checked, TaskRules.Stage(WorkTaskStatus.Open, [StepKind.Checked, StepKind.Closed, StepKind.Reopened]));
        Assert.Equal(TaskStage.Done, TaskRules.Stage(WorkTaskStatus.Done, [StepKind.Prompted]));
    }

    [Fact]
    public void A_task_is_late_from_the_day_after_its_deadline_and_only_while_open()
    {
        Assert.False(TaskRules.IsOverdue(WorkTaskStatus.Open, Today, Today));
        Assert.True(TaskRules.IsOverdue(WorkTaskStatus.Open, Today.AddDays(-1), Today));
        Assert.False(TaskRules.IsOverdue(WorkTaskStatus.Done, Today.AddDays(-30), Today));
        // As of a day: closed on the day counts as on time, closed after it as late then.
        Assert.False(TaskRules.WasOverdue(Today.AddDays(-1), Today, Today));
        Assert.True(TaskRules.WasOverdue(Today.AddDays(-1), Today.AddDays(1), Today));
        Assert.True(TaskRules.WasOverdue(Today.AddDays(-1), null, Today));
        Assert.False(TaskRules.WasOverdue(Today, null, Today));
    }

    [Fact]
    public void Only_a_late_open_task_is_escalated_and_every_step_needs_its_note()
    {
        Assert.Contains(TaskRules.CheckStep(StepKind.Escalated, WorkTaskStatus.Open, Today, Today, "请加快"), p => p.Field == "" && p.Message.StartsWith("Only a late task"));
        Assert.Empty(TaskRules.CheckStep(StepKind.Escalated, WorkTaskStatus.Open, Today.AddDays(-1), Today, "请加快"));
        Assert.Contains(TaskRules.CheckStep(StepKind.Reported, WorkTaskStatus.Done, Today, Today, "进展"), p => p.Message == "The task is done already.");
        Assert.Contains(TaskRules.CheckStep(StepKind.Checked, WorkTaskStatus.Open, Today, Today, ""), p => p.Field == "Note");
        Assert.Contains(TaskRules.CheckStep(StepKind.Reported, WorkTaskStatus.Open, Today, Today, new string('长', 2001)), p => p.Field == "Note");
        Assert.Empty(TaskRules.CheckStep(StepKind.Reported, WorkTaskStatus.Open, Today, Today, new string('长', 2000)));
    }

    private static TaskRules.Input Task(int? org = 1, int? member = null, DateOnly? deadline = null, string? kind = null, string? type = null, int? count = null, DateOnly? from = null) =>
        new("召开组织生活会", null, org, member, deadline ?? new DateOnly(2026, 12, 31), false, null, kind, type, count, from, false);

    private static List<Problem> Check(TaskRules.Input input, bool onRoster = true) =>
        TaskRules.Check(input, 2026, new HashSet<int> { 1, 2 }, onRoster, new HashSet<string> { SharedRecordKinds.OrgLifeMeeting, SharedRecordKinds.IntegrityWarningEducation });

    [Fact]
    public void A_task_needs_an_owner_of_the_agency_a_deadline_in_its_year_and_a_sound_proof()
    {
        Assert.Empty(Check(Task()));
        Assert.Empty(Check(Task(org: null, member: 7)));
        Assert.Contains(Check(Task(org: null)), p => p.Field == "OwnerOrganizationId");
        Assert.Contains(Check(Task(org: 99)), p => p.Field == "OwnerOrganizationId");
        Assert.Contains(Check(Task(member: 7), onRoster: false), p => p.Field == "OwnerMemberId");
        Assert.Contains(Check(Task(deadline: new DateOnly(2027, 1, 1))), p => p.Field == "Deadline");
        Assert.Empty(Check(Task(deadline: new DateOnly(2026, 1, 1))));
        Assert.Empty(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, type: "OrganizationalLifeMeeting", count: 1)));
        Assert.Contains(Check(Task(kind: "unknown.kind", count: 1)), p => p.Field == "ProofKind");
        Assert.Contains(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, type: "Picnic", count: 1)), p => p.Field == "ProofType");
        Assert.Contains(Check(Task(kind: SharedRecordKinds.IntegrityWarningEducation, type: "OrganizationalLifeMeeting", count: 1)), p => p.Field == "ProofType");
        Assert.Contains(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, count: 0)), p => p.Field == "ProofCount");
        Assert.Contains(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, count: 51)), p => p.Field == "ProofCount");
        Assert.Empty(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, count: 50, from: new DateOnly(2026, 12, 31))));
        Assert.Contains(Check(Task(kind: SharedRecordKinds.OrgLifeMeeting, count: 1, from: new DateOnly(2027, 1, 1), deadline: new DateOnly(2026, 12, 31))), p => p.Field == "ProofFrom");
        Assert.Contains(Check(Task(type: "OrganizationalLifeMeeting")), p => p.Field == "ProofKind");
    }

    [Fact]
    public void Records_count_by_kind_type_period_and_owner_organisation()
    {
        var demand = new ProofRules.Demand(SharedRecordKinds.OrgLifeMeeting, "OrganizationalLifeMeeting", 2, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new HashSet<int> { 5, 6 });
        SharedRecord R(string id, DateOnly date, int? org = 5, string type = "OrganizationalLifeMeeting", string kind = SharedRecordKinds.OrgLifeMeeting) =>
            new(kind, id, "组织生活会", date) { OrganizationId = org, Type = type };
        var one = R("1", new DateOnly(2026, 10, 1));
        Assert.False(ProofRules.IsProved(demand, [one]));
        Assert.False(ProofRules.IsProved(demand, [one, one]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 9, 30))]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2027, 1, 1))]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 11, 1), org: 7)]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 11, 1), org: null)]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 11, 1), type: "ThemePartyDay")]));
        Assert.False(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 11, 1), kind: SharedRecordKinds.VolunteerActivity)]));
        Assert.True(ProofRules.IsProved(demand, [one, R("2", new DateOnly(2026, 12, 31), org: 6)]));
        // The whole agency's task counts records of no organisation too; no type asked, any type.
        var agency = demand with { Type = null, Organizations = null };
        Assert.True(ProofRules.IsProved(agency, [R("1", new DateOnly(2026, 10, 2), org: null, type: "ThemePartyDay"), R("2", new DateOnly(2026, 10, 3), org: 9)]));
        Assert.Equal(new DateOnly(2026, 10, 1), TaskRules.DefaultProofFrom(new DateOnly(2026, 12, 31)));
        Assert.Equal(new DateOnly(2026, 1, 1), TaskRules.DefaultProofFrom(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void Ledger_items_need_problem_measures_owner_and_a_deadline_not_before_the_feedback()
    {
        var orgs = new HashSet<int> { 1 };
        Assert.Empty(LedgerRules.CheckItem("记录不规范", "统一记录本", 1, null, Today, false, Today, orgs, false));
        Assert.Contains(LedgerRules.CheckItem("记录不规范", "统一记录本", 1, null, Today.AddDays(-1), false, Today, orgs, false), p => p.Field == "Deadline");
        Assert.Contains(LedgerRules.CheckItem("记录不规范", "统一记录本", null, null, Today, false, Today, orgs, false), p => p.Field == "OwnerOrganizationId");
        Assert.Contains(LedgerRules.CheckItem("", "", 1, null, null, true, Today, orgs, false), p => p.Field == "Deadline" && p.Message == "Please enter a valid date.");
        Assert.Contains(LedgerRules.CheckLedger("巡察整改", "市委巡察组", Today.AddDays(1), false, Today), p => p.Field == "ReceivedOn");
        Assert.Empty(LedgerRules.CheckLedger("巡察整改", "市委巡察组", Today, false, Today));
        Assert.Contains(LedgerRules.CheckLedger("巡察整改", "市委巡察组", new DateOnly(1, 1, 1), false, Today), p => p.Field == "ReceivedOn" && p.Message == "Please enter a valid date.");
        Assert.Contains(LedgerRules.CheckItem("记录不规范", "统一记录本", 1, null, DateOnly.MaxValue, false, Today, orgs, false), p => p.Field == "Deadline");
        Assert.Contains(LedgerRules.CheckClose(false, " ".Trim()), p => p.Field == "Note");
        Assert.Contains(LedgerRules.CheckClose(true, "已整改"), p => p.Field == "");
        Assert.True(LedgerRules.IsOverdue(ItemStatus.Open, Today.AddDays(-1), Today));
        Assert.False(LedgerRules.IsOverdue(ItemStatus.Open, Today, Today));
        Assert.False(LedgerRules.IsOverdue(ItemStatus.Closed, Today.AddDays(-1), Today));
    }

    [Fact]
    public void Prompts_need_a_month_targets_of_the_agency_and_an_answer_date_not_past()
    {
        var orgs = new HashSet<int> { 1, 2 };
        Assert.Empty(PromptRules.Check(new("2026-05", "5月提示", "落实三会一课", Today, false, [1, 2]), Today, orgs));
        Assert.Contains(PromptRules.Check(new("2026-13", "5月提示", "落实三会一课", Today, false, [1]), Today, orgs), p => p.Field == "Month");
        Assert.Contains(PromptRules.Check(new("2026-05", "5月提示", "落实三会一课", Today.AddDays(-1), false, [1]), Today, orgs), p => p.Field == "AnswerBy");
        Assert.Contains(PromptRules.Check(new("2026-05", "5月提示", "落实三会一课", Today, false, []), Today, orgs), p => p.Field == "Targets");
        Assert.Contains(PromptRules.Check(new("2026-05", "5月提示", "落实三会一课", Today, false, [1, 3]), Today, orgs), p => p.Field == "Targets");
        Assert.Contains(PromptRules.CheckAnswer(true, "已落实"), p => p.Field == "");
        Assert.Contains(PromptRules.CheckAnswer(false, null), p => p.Field == "Answer");
    }

    [Fact]
    public void Indicator_lights_follow_the_stated_rules()
    {
        Assert.Equal(IndicatorLight.Green, SupervisionLights.Late(0));
        Assert.Equal(IndicatorLight.Amber, SupervisionLights.Late(1));
        Assert.Equal(IndicatorLight.Amber, SupervisionLights.Late(2));
        Assert.Equal(IndicatorLight.Red, SupervisionLights.Late(3));
        Assert.Equal(IndicatorLight.None, SupervisionLights.Answered(0, 0));
        Assert.Equal(IndicatorLight.Green, SupervisionLights.Answered(10, 9));
        Assert.Equal(IndicatorLight.Amber, SupervisionLights.Answered(10, 8));
        Assert.Equal(IndicatorLight.Amber, SupervisionLights.Answered(10, 6));
        Assert.Equal(IndicatorLight.Red, SupervisionLights.Answered(10, 5));
        Assert.Equal(66.7m, SupervisionLights.Share(3, 2));
    }
}
