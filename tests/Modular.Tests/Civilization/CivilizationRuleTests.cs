using Modular.Modules.Civilization.Domain;
using Modular.Modules.Civilization.Rules;

namespace Modular.Tests.Civilization;

/// <summary>The score roll-up and the framework sheet's row checks at their boundaries.</summary>
public sealed class CivilizationRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void Roll_up_counts_only_met_items_as_points_met_per_category_and_in_total()
    {
        var items = new[]
        {
            new ScoreRollup.Item(1, 3m, ItemStatus.Met, null, false),
            new ScoreRollup.Item(1, 2m, ItemStatus.InProgress, null, true),
            new ScoreRollup.Item(1, 1.5m, ItemStatus.NotMet, null, false),
            new ScoreRollup.Item(2, 4m, ItemStatus.Met, null, false),
            new ScoreRollup.Item(2, 4m, ItemStatus.Met, null, false),
        };
        var r = ScoreRollup.Compute([1, 2, 3], items, Today);
        Assert.Equal(6.5m, r.Categories[1].Possible);
        Assert.Equal(3m, r.Categories[1].Met);
        Assert.Equal(46.2m, r.Categories[1].Percent); // 3 / 6.5 = 46.15… rounds half up to one decimal
        Assert.Equal(1, r.Categories[1].NotMetItems);
        Assert.Equal(1, r.Categories[1].AwaitingReview);
        Assert.Equal(100m, r.Categories[2].Percent);
        Assert.Equal(2, r.Categories[2].MetItems);
        // A category without items has nothing possible and reads 0 %, not a division by zero.
        Assert.Equal(0m, r.Categories[3].Possible);
        Assert.Equal(0m, r.Categories[3].Percent);
        Assert.Equal(14.5m, r.Total.Possible);
        Assert.Equal(11m, r.Total.Met);
        Assert.Equal(75.9m, r.Total.Percent);
        Assert.Equal(5, r.Total.Items);
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, -1, true)]
    [InlineData(ItemStatus.InProgress, -1, true)]
    [InlineData(ItemStatus.NotMet, -30, true)]
    [InlineData(ItemStatus.Met, -30, false)]     // met late is met
    [InlineData(ItemStatus.NotStarted, 0, false)] // due today is not overdue yet
    [InlineData(ItemStatus.NotStarted, 1, false)]
    public void An_item_is_overdue_after_its_due_date_until_it_is_met(ItemStatus status, int dueInDays, bool overdue)
    {
        Assert.Equal(overdue, ScoreRollup.IsOverdue(status, Today.AddDays(dueInDays), Today));
        var r = ScoreRollup.Compute([1], [new ScoreRollup.Item(1, 1m, status, Today.AddDays(dueInDays), false)], Today);
        Assert.Equal(overdue ? 1 : 0, r.Total.Overdue);
    }

    [Fact]
    public void An_item_without_a_due_date_is_never_overdue() => Assert.False(ScoreRollup.IsOverdue(ItemStatus.NotStarted, null, Today));

    private static Dictionary<string, object?> Row(object? category = null, object? text = null, object? points = null, object? owner = null, object? due = null, object? code = null) => new()
    {
        [FrameworkSheet.Category] = category, [FrameworkSheet.Code] = code, [FrameworkSheet.Text] = text,
        [FrameworkSheet.Points] = points, [FrameworkSheet.Owner] = owner, [FrameworkSheet.Due] = due,
    };

    private static readonly Dictionary<string, IReadOnlyList<int>> Members = new() { ["李晓梅"] = [7], ["张伟"] = [8, 9] };

    [Fact]
    public void Good_rows_are_read_with_numbers_dates_and_owners_in_the_forms_Excel_gives()
    {
        var rows = new List<IDictionary<string, object?>>
        {
            Row("组织领导", "成立领导小组", 3d, "李晓梅", new DateTime(2026, 3, 31), "1.1"),
            Row("组织领导", "制定年度计划", "1.5", null, "2026/4/30"),
            Row(),                                                  // a blank line in the middle is skipped
            Row("诚信建设", "签订诚信承诺书", 2, null, 46204d),       // an Excel date serial (2026-07-01)
        };
        var outcome = FrameworkSheet.Check(rows, Members);
        Assert.Empty(outcome.Problems);
        Assert.Equal(3, outcome.Rows.Count);
        Assert.Equal((7, 3m, new DateOnly(2026, 3, 31), "1.1"), (outcome.Rows[0].OwnerMemberId!.Value, outcome.Rows[0].Points, outcome.Rows[0].DueDate!.Value, outcome.Rows[0].Code!));
        Assert.Equal(1.5m, outcome.Rows[1].Points);
        Assert.Equal(new DateOnly(2026, 4, 30), outcome.Rows[1].DueDate);
        Assert.Equal(new DateOnly(2026, 7, 1), outcome.Rows[2].DueDate);
        Assert.Equal(5, outcome.Rows[2].Line);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_row_and_column_and_no_row_is_returned()
    {
        var rows = new List<IDictionary<string, object?>>
        {
            Row("组织领导", "好的一行", 2),
            Row(null, "没有类别", 2),
            Row("组织领导", null, 2),
            Row("组织领导", "分值不是数字", "两分"),
            Row("组织领导", "分值为零", 0),
            Row("组织领导", "分值超过上限", 101),
            Row("组织领导", "两位小数", 1.25),
            Row("组织领导", "没有分值", null),
            Row("组织领导", "查无此人", 1, "王不在"),
            Row("组织领导", "重名", 1, "张伟"),
            Row("组织领导", "日期错", 1, null, "明年"),
            Row("组织领导", "好的一行", 2),
            Row(new string('类', 51), "类别太长", 1),
        };
        var outcome = FrameworkSheet.Check(rows, Members);
        Assert.Empty(outcome.Rows);
        var found = outcome.Problems.Select(p => (p.Row, p.Column, p.Message)).ToList();
        Assert.Contains((3, FrameworkSheet.Category, "Enter the category."), found);
        Assert.Contains((4, FrameworkSheet.Text, "Enter the criterion."), found);
        Assert.Contains((5, FrameworkSheet.Points, "Points must be a number with at most one decimal, e.g. 2 or 1.5."), found);
        Assert.Contains((6, FrameworkSheet.Points, "Points must be more than 0 and at most {0}."), found);
        Assert.Contains((7, FrameworkSheet.Points, "Points must be more than 0 and at most {0}."), found);
        Assert.Contains((8, FrameworkSheet.Points, "Points must be a number with at most one decimal, e.g. 2 or 1.5."), found);
        Assert.Contains((9, FrameworkSheet.Points, "Enter the points."), found);
        Assert.Contains((10, FrameworkSheet.Owner, "No member named “{0}” in this agency."), found);
        Assert.Contains((11, FrameworkSheet.Owner, "More than one member is named “{0}”: leave the cell empty and choose the owner on the item's page."), found);
        Assert.Contains((12, FrameworkSheet.Due, "The date must look like 2026-06-30."), found);
        Assert.Contains((13, FrameworkSheet.Text, "The same criterion as row {0} in this category."), found);
        Assert.Contains((14, FrameworkSheet.Category, "At most {0} characters."), found);
        Assert.DoesNotContain(outcome.Problems, p => p.Row == 2);
        Assert.Equal(12, outcome.Problems.Count);
    }

    [Fact]
    public void A_sheet_without_rows_or_without_the_required_columns_is_refused_whole()
    {
        Assert.Equal("The file has no data rows.", FrameworkSheet.Check([], Members).Problems.Single().Message);
        Assert.Equal("The file has no data rows.", FrameworkSheet.Check([Row(), Row()], Members).Problems.Single().Message);
        var wrong = new List<IDictionary<string, object?>> { new Dictionary<string, object?> { ["姓名"] = "张三", [FrameworkSheet.Category] = "组织领导" } };
        var p = FrameworkSheet.Check(wrong, Members).Problems.Single();
        Assert.Equal((1, "测评内容、分值"), (p.Row, p.Column));
        var many = Enumerable.Range(0, FrameworkSheet.MaxRows + 1).Select(i => (IDictionary<string, object?>)Row("组织领导", $"第{i}项", 1)).ToList();
        Assert.Equal("At most {0} rows can be imported at a time.", FrameworkSheet.Check(many, Members).Problems.Single().Message);
        Assert.Empty(FrameworkSheet.Check(many.Take(FrameworkSheet.MaxRows).ToList(), Members).Problems);
    }
}
