using Modular.Modules.Integrity.Rules;

namespace Modular.Tests.Integrity;

/// <summary>The inspection's checks at their boundaries, with today and the roster as parameters.</summary>
public sealed class IntegrityRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly IReadOnlySet<int> Departments = new HashSet<int> { 1, 2 };
    private static readonly IReadOnlySet<int> OnRoster = new HashSet<int> { 10, 11 };

    private static InspectionRules.Header Header(DateOnly? date = null, string? target = "不动产登记3号窗口", int? org = null, string? summary = null, bool unreadable = false) =>
        new(date ?? Today, unreadable, target, org, summary);

    [Fact]
    public void An_inspection_of_today_with_a_target_of_the_agency_passes()
    {
        Assert.Empty(InspectionRules.CheckHeader(Header(org: 2, summary: new string('x', InspectionRules.MaxSummary)), Today, Departments));
    }

    [Fact]
    public void An_inspection_tomorrow_is_refused_but_one_today_is_not()
    {
        var problem = Assert.Single(InspectionRules.CheckHeader(Header(Today.AddDays(1)), Today, Departments));
        Assert.Equal("Date", problem.Field);
        Assert.Contains("future", problem.Message);
        Assert.Empty(InspectionRules.CheckHeader(Header(Today), Today, Departments));
    }

    [Fact]
    public void A_missing_date_says_whether_it_was_unreadable()
    {
        Assert.Equal("Please enter the date of the inspection.", Assert.Single(InspectionRules.CheckHeader(new(null, false, "窗口", null, null), Today, Departments)).Message);
        Assert.Equal("Please enter a valid date.", Assert.Single(InspectionRules.CheckHeader(new(null, true, "窗口", null, null), Today, Departments)).Message);
    }

    [Fact]
    public void Target_organisation_and_summary_are_checked()
    {
        var problems = InspectionRules.CheckHeader(Header(target: new string('x', InspectionRules.MaxTarget + 1), org: 3, summary: new string('y', InspectionRules.MaxSummary + 1)), Today, Departments);
        Assert.Equal(["Target", "TargetOrganizationId", "Summary"], problems.Select(p => p.Field));
        Assert.Equal("Target", Assert.Single(InspectionRules.CheckHeader(Header(target: ""), Today, Departments)).Field);
    }

    [Fact]
    public void Empty_finding_rows_are_skipped_but_half_filled_ones_are_not()
    {
        InspectionRules.Finding[] rows = [new(null, null, null), new("", 10, null), new(null, null, Today)];
        var problems = InspectionRules.CheckFindings(rows, "Findings", OnRoster, Today);
        Assert.Equal(["Findings[1].Finding", "Findings[2].Finding"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_finding_needs_an_owner_on_the_roster_and_a_deadline_not_before_the_inspection()
    {
        Assert.Empty(InspectionRules.CheckFindings([new("窗口无人", 10, Today)], "Findings", OnRoster, Today));
        var problems = InspectionRules.CheckFindings([new("窗口无人", 99, Today.AddDays(-1))], "Findings", OnRoster, Today);
        Assert.Equal(["Findings[0].OwnerMemberId", "Findings[0].Deadline"], problems.Select(p => p.Field));
        Assert.Equal("The deadline cannot be before the inspection.", problems[1].Message);
        // Without a known inspection date any deadline is accepted.
        Assert.Empty(InspectionRules.CheckFindings([new("窗口无人", 11, Today.AddYears(-1))], "Findings", OnRoster, null));
        Assert.Equal("Please enter a valid date.", Assert.Single(InspectionRules.CheckFindings([new("窗口无人", 11, null, true)], "F", OnRoster, Today)).Message);
        Assert.Equal("F[0].Finding", Assert.Single(InspectionRules.CheckFindings([new(new string('z', InspectionRules.MaxFinding + 1), 11, Today)], "F", OnRoster, Today)).Field);
    }

    [Fact]
    public void An_added_empty_finding_names_every_missing_field()
    {
        var problems = InspectionRules.CheckAddedFinding(new(null, null, null, true), "Findings", OnRoster, Today);
        Assert.Equal(["Findings[0].Finding", "Findings[0].OwnerMemberId", "Findings[0].Deadline"], problems.Select(p => p.Field));
        Assert.Equal("Please describe the finding.", problems[0].Message);
        Assert.Equal("Please enter a valid date.", problems[2].Message);
        Assert.Empty(InspectionRules.CheckAddedFinding(new("窗口无人", 10, Today.AddDays(3)), "Findings", OnRoster, Today));
    }

    [Fact]
    public void A_talk_is_in_the_past_between_two_people_on_the_roster()
    {
        Assert.Empty(TalkRules.Check(new(Today, false, 10, 11, "谈话摘要"), Today, OnRoster));
        var problems = TalkRules.Check(new(Today.AddDays(1), false, 99, 10, ""), Today, OnRoster);
        Assert.Equal(["Date", "TalkerMemberId", "Summary"], problems.Select(p => p.Field));
        Assert.Equal("A talk is between two different people.", Assert.Single(TalkRules.Check(new(Today, false, 10, 10, "摘要"), Today, OnRoster)).Message);
        Assert.Equal("Please enter a valid date.", Assert.Single(TalkRules.Check(new(null, true, 10, 11, "摘要"), Today, OnRoster)).Message);
        Assert.Equal("Summary", Assert.Single(TalkRules.Check(new(Today, false, 10, 11, new string('x', TalkRules.MaxSummary + 1)), Today, OnRoster)).Field);
    }

    [Fact]
    public void An_owner_updates_only_the_risk_and_its_measures_the_office_every_field()
    {
        var owners = new RiskRules.Input("风险", "措施", null, null, null, null, false);
        Assert.Empty(RiskRules.Check(owners, byOffice: false, Departments, ownerOnRoster: false));
        var problems = RiskRules.Check(owners, byOffice: true, Departments, ownerOnRoster: false);
        Assert.Equal(["Post", "OrganizationId", "OwnerMemberId", "NextReviewDate"], problems.Select(p => p.Field));
        Assert.Empty(RiskRules.Check(owners with { Post = "行政审批岗", OrganizationId = 1, OwnerMemberId = 10, NextReviewDate = Today }, true, Departments, true));
        Assert.Equal(["Description", "Measures"], RiskRules.Check(new("", new string('m', RiskRules.MaxMeasures + 1), null, null, null, null, false), false, Departments, false).Select(p => p.Field));
    }

    [Fact]
    public void A_festival_date_stays_in_its_year_with_0_to_30_days_before()
    {
        Assert.Empty(FestivalRules.Check(new(new DateOnly(2026, 10, 1), false, 30, "提醒"), 2026));
        var problems = FestivalRules.Check(new(new DateOnly(2027, 1, 1), false, 31, ""), 2026);
        Assert.Equal(["Date", "DaysBefore", "Text"], problems.Select(p => p.Field));
        Assert.Equal([2026], problems[0].Args);
        Assert.Equal("DaysBefore", Assert.Single(FestivalRules.Check(new(new DateOnly(2026, 5, 1), false, -1, "提醒"), 2026)).Field);
    }

    [Fact]
    public void An_item_is_closed_once_with_a_note()
    {
        Assert.Empty(RectificationRules.CheckClose(false, "已整改"));
        Assert.Equal(["", "Note"], RectificationRules.CheckClose(true, null).Select(p => p.Field));
        Assert.Equal("Note", Assert.Single(RectificationRules.CheckClose(false, new string('n', RectificationRules.MaxNote + 1))).Field);
    }

    [Fact]
    public void A_warning_session_needs_a_date_and_a_title_and_takes_a_roster_of_the_agency()
    {
        Assert.Empty(WarningRules.Check(new(Today, false, "观看警示教育片", null, 2), Departments));
        Assert.Equal(["Date", "Title", "Place", "OrganizationId"],
            WarningRules.Check(new(null, false, "", new string('p', WarningRules.MaxPlace + 1), 3), Departments).Select(p => p.Field));
        Assert.Empty(WarningRules.Check(new(Today, false, "全体", null, null), Departments));
    }
}
