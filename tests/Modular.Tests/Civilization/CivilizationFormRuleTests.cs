using Modular.Modules.Civilization.Domain;
using Modular.Modules.Civilization.Rules;
using Modular.Sdk;

namespace Modular.Tests.Civilization;

/// <summary>The campaign, honour, practice-activity and criterion forms at their boundaries (plain code, no host).</summary>
public sealed class CivilizationFormRuleTests
{
    private static List<string> Fields(IEnumerable<Problem> problems) => problems.Select(p => p.Field).ToList();

    private static CampaignLine Campaign(string? name = "创建省级文明单位", TitleLevel level = TitleLevel.ProvincialCivilizedUnit, string? titleName = null, int? year = 2026,
        int? leader = 5, string? note = null) => new(name, level, titleName, year, CampaignStatus.InProgress, leader, note);

    [Fact]
    public void A_complete_campaign_passes() => Assert.Empty(CampaignRules.Check(Campaign(), [5], null));

    [Fact]
    public void A_campaign_needs_a_name_of_at_most_100_characters()
    {
        Assert.Equal(["Name"], Fields(CampaignRules.Check(Campaign(name: " "), [5], null)));
        Assert.Empty(CampaignRules.Check(Campaign(name: " " + new string('创', 100) + " "), [5], null));
        var problem = Assert.Single(CampaignRules.Check(Campaign(name: new string('创', 101)), [5], null));
        Assert.Equal(("At most {0} characters.", 100), (problem.Message, (int)problem.Args[0]));
    }

    [Fact]
    public void Another_title_is_named()
    {
        Assert.Equal(["TitleName"], Fields(CampaignRules.Check(Campaign(level: TitleLevel.Other), [5], null)));
        Assert.Empty(CampaignRules.Check(Campaign(level: TitleLevel.Other, titleName: "青年文明号"), [5], null));
        Assert.Equal(["TitleName"], Fields(CampaignRules.Check(Campaign(titleName: new string('号', 51)), [5], null)));
        Assert.Equal(["TitleLevel"], Fields(CampaignRules.Check(Campaign(level: (TitleLevel)9), [5], null)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1999, true)]
    [InlineData(2000, false)]
    [InlineData(2100, false)]
    [InlineData(2101, true)]
    public void Years_are_of_2000_to_2100(int? year, bool refused)
    {
        Assert.Equal(refused, Fields(CampaignRules.Check(Campaign(year: year), [5], null)).Contains("Year"));
        Assert.Equal(refused, Fields(HonourRules.Check(new("省级文明单位", year, HonourLevel.Provincial, "省文明委", null), [])).Contains("Year"));
    }

    [Fact]
    public void A_leader_not_offered_is_refused_unless_the_campaign_has_them_already()
    {
        Assert.Equal(["LeaderMemberId"], Fields(CampaignRules.Check(Campaign(leader: 9), [5], null)));
        Assert.Empty(CampaignRules.Check(Campaign(leader: 9), [5], 9));
        Assert.Equal(["Note"], Fields(CampaignRules.Check(Campaign(note: new string('注', 2001)), [5], null)));
    }

    [Fact]
    public void An_honour_needs_title_level_body_and_a_campaign_of_the_list()
    {
        Assert.Empty(HonourRules.Check(new("省级文明单位", 2026, HonourLevel.Provincial, "省文明委", 3), [3]));
        Assert.Equal(["Title", "Level", "IssuingBody", "CampaignId"], Fields(HonourRules.Check(new(" ", 2026, (HonourLevel)9, null, 4), [3])));
        Assert.Equal(["Title", "IssuingBody"], Fields(HonourRules.Check(new(new string('省', 101), 2026, HonourLevel.Provincial, new string('委', 101), null), [3])));
    }

    private static PracticeLine Practice(string? title = "政策宣讲进社区", DateOnly? date = null, bool unreadable = false, string? place = null, string? participants = null) =>
        new(PracticeKind.PolicyTalk, title, date ?? new DateOnly(2026, 6, 30), unreadable, place, null, participants);

    [Fact]
    public void A_linked_activity_fills_the_fields_left_empty_but_not_an_unreadable_date()
    {
        var linked = new DateOnly(2026, 5, 20);
        var filled = PracticeRules.Filled(new(PracticeKind.VolunteerService, " ", null, false, null, null, null), " 学雷锋 ", linked, "文化路社区");
        Assert.Equal(("学雷锋", linked, "文化路社区"), (filled.Title, filled.Date, filled.Place));
        Assert.Equal("自填", PracticeRules.Filled(Practice(title: " 自填 "), "学雷锋", linked, null).Title);
        Assert.Null(PracticeRules.Filled(new(PracticeKind.PolicyTalk, "x", null, true, null, null, null), null, linked, null).Date);
    }

    [Fact]
    public void A_practice_activity_needs_a_title_and_a_readable_date()
    {
        Assert.Empty(PracticeRules.Check(Practice(), linkRefused: false).Problems);
        Assert.Equal(["LinkId", "Title"], Fields(PracticeRules.Check(Practice(title: null), linkRefused: true).Problems));
        Assert.Equal("Enter the date, e.g. 2026-06-30.", Assert.Single(PracticeRules.Check(Practice(unreadable: true), false).Problems).Message);
        Assert.Equal("The date must look like 2026-06-30.", Assert.Single(PracticeRules.Check(Practice(date: new DateOnly(2201, 1, 1)), false).Problems).Message);
        Assert.Equal(["Place"], Fields(PracticeRules.Check(Practice(place: new string('地', 201)), false).Problems));
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData(" 30 ", true, 30)]
    [InlineData("0", true, 0)]
    [InlineData("100000", true, 100000)]
    [InlineData("100001", false, null)]
    [InlineData("-1", false, null)]
    [InlineData("三十", false, null)]
    public void Participants_are_a_whole_number_if_given(string? typed, bool valid, int? stored)
    {
        var result = PracticeRules.Check(Practice(participants: typed), false);
        Assert.Equal(valid, result.Problems.Count == 0);
        Assert.Equal(stored, result.Participants);
    }

    private static CriterionLine Criterion(int? category = 1, string? newCategory = null, string? text = "开展文明创建宣传", string? points = "2", int? owner = null,
        DateOnly? due = null, bool dueUnreadable = false, string? code = null) => new(category, newCategory, code, text, points, owner, due, dueUnreadable);

    private static CheckedCriterion Check(CriterionLine line, int? storedOwner = null) => CriterionRules.Check(line, [1, 2], [5], storedOwner);

    [Fact]
    public void A_criterion_belongs_to_a_category_of_the_campaign_or_a_new_one()
    {
        Assert.Empty(Check(Criterion()).Problems);
        Assert.Equal(["CategoryId"], Fields(Check(Criterion(category: 9)).Problems));
        Assert.Empty(Check(Criterion(category: 9, newCategory: "精神文明")).Problems);
        Assert.Equal(["NewCategory"], Fields(Check(Criterion(newCategory: new string('类', FrameworkSheet.MaxCategoryLength + 1))).Problems));
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 1.5 ", 1.5)]
    [InlineData("100", 100)]
    public void Points_with_at_most_one_decimal_up_to_100(string typed, decimal points)
    {
        var result = Check(Criterion(points: typed));
        Assert.Empty(result.Problems);
        Assert.Equal(points, result.Points);
    }

    [Theory]
    [InlineData(" ", "Enter the points.")]
    [InlineData("abc", "Points must be a number with at most one decimal, e.g. 2 or 1.5.")]
    [InlineData("1.25", "Points must be a number with at most one decimal, e.g. 2 or 1.5.")]
    [InlineData("0", "Points must be more than 0 and at most {0}.")]
    [InlineData("100.5", "Points must be more than 0 and at most {0}.")]
    public void Points_that_cannot_count_are_refused(string typed, string message) => Assert.Equal(message, Assert.Single(Check(Criterion(points: typed)).Problems).Message);

    [Fact]
    public void Text_code_owner_and_due_date_keep_to_their_limits()
    {
        Assert.Equal(["Text"], Fields(Check(Criterion(text: " ")).Problems));
        Assert.Equal(["Text", "Code"], Fields(Check(Criterion(text: new string('文', FrameworkSheet.MaxTextLength + 1), code: new string('1', FrameworkSheet.MaxCodeLength + 1))).Problems));
        Assert.Equal(["OwnerMemberId"], Fields(Check(Criterion(owner: 9)).Problems));
        Assert.Empty(Check(Criterion(owner: 9), storedOwner: 9).Problems);
        Assert.Equal(["DueDate"], Fields(Check(Criterion(dueUnreadable: true)).Problems));
        Assert.Equal(["DueDate"], Fields(Check(Criterion(due: new DateOnly(1999, 12, 31))).Problems));
        Assert.Empty(Check(Criterion(due: new DateOnly(2026, 12, 31))).Problems);
    }
}
