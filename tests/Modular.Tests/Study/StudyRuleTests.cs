using Modular.Modules.Study.Domain;
using Modular.Modules.Study.Rules;

namespace Modular.Tests.Study;

/// <summary>The study rules at their boundaries: grading, the per-person shuffle, the window and duration, the question rules and the import sheet.</summary>
public sealed class StudyRuleTests
{
    [Theory]
    [InlineData(QuestionKind.SingleChoice, "B", "b", true)]
    [InlineData(QuestionKind.SingleChoice, "B", "C", false)]
    [InlineData(QuestionKind.SingleChoice, "B", "", false)]
    [InlineData(QuestionKind.MultipleChoice, "ABD", "dba", true)]
    [InlineData(QuestionKind.MultipleChoice, "ABD", "A,B、D", true)]
    [InlineData(QuestionKind.MultipleChoice, "ABD", "AB", false)]
    [InlineData(QuestionKind.MultipleChoice, "ABD", "ABCD", false)]
    [InlineData(QuestionKind.TrueFalse, "对", "正确", true)]
    [InlineData(QuestionKind.TrueFalse, "对", "错", false)]
    [InlineData(QuestionKind.TrueFalse, "错", "×", true)]
    [InlineData(QuestionKind.FillIn, "1|一", "一", true)]
    [InlineData(QuestionKind.FillIn, "批评与自我批评|批评和自我批评", " 批评和 自我批评。", true)]
    [InlineData(QuestionKind.FillIn, "民主集中", "民主", false)]
    [InlineData(QuestionKind.FillIn, "Party", "ｐａｒｔｙ", true)]
    public void Answers_are_graded_whole_with_no_part_marks(QuestionKind kind, string key, string given, bool right) =>
        Assert.Equal(right, Answers.IsCorrect(kind, key, given));

    [Fact]
    public void A_letter_beyond_the_options_or_two_letters_for_one_choice_is_no_answer()
    {
        Assert.Null(Answers.Normalize(QuestionKind.SingleChoice, "D", optionCount: 3));
        Assert.Equal("C", Answers.Normalize(QuestionKind.SingleChoice, "c", optionCount: 3));
        Assert.Null(Answers.Normalize(QuestionKind.SingleChoice, "AB"));
        Assert.Null(Answers.Normalize(QuestionKind.MultipleChoice, "AX"));
        Assert.Null(Answers.Normalize(QuestionKind.TrueFalse, "也许"));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(19, 20, 95)]
    [InlineData(2, 3, 66)]
    [InlineData(3, 3, 100)]
    public void The_score_is_the_percent_right_rounded_down(int correct, int total, int score) => Assert.Equal(score, Answers.Score(correct, total));

    [Fact]
    public void Passing_needs_the_pass_mark_itself()
    {
        Assert.True(Answers.Passed(80, 80));
        Assert.False(Answers.Passed(79, 80));
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_another_seed_another()
    {
        var first = Shuffle.Order(12345, 20);
        Assert.Equal(first, Shuffle.Order(12345, 20));
        Assert.Equal(Enumerable.Range(0, 20), first.Order());
        Assert.NotEqual(first, Shuffle.Order(12346, 20));
        // Options of two questions of one attempt are shuffled apart (the salt is the question).
        Assert.NotEqual(Shuffle.Order(12345, 6, 1), Shuffle.Order(12345, 6, 2));
        // Over many seeds every question comes first now and then: no position is fixed.
        var firsts = Enumerable.Range(0, 400).Select(s => Shuffle.Order(s, 5)[0]).ToHashSet();
        Assert.Equal(5, firsts.Count);
    }

    [Fact]
    public void An_attempt_ends_with_its_duration_or_the_window_whichever_is_first()
    {
        var closes = new DateTime(2026, 5, 20, 18, 0, 0);
        Assert.Equal(new DateTime(2026, 5, 20, 10, 30, 0), TestWindow.DueAt(new DateTime(2026, 5, 20, 10, 0, 0), 30, closes));
        Assert.Equal(closes, TestWindow.DueAt(new DateTime(2026, 5, 20, 17, 50, 0), 30, closes));
    }

    [Fact]
    public void The_window_opens_at_its_start_and_closes_at_its_end()
    {
        var opens = new DateTime(2026, 5, 20, 8, 0, 0);
        var closes = new DateTime(2026, 5, 21, 18, 0, 0);
        Assert.Equal(TestState.NotOpen, TestWindow.State(opens, closes, opens.AddSeconds(-1)));
        Assert.Equal(TestState.Open, TestWindow.State(opens, closes, opens));
        Assert.Equal(TestState.Open, TestWindow.State(opens, closes, closes.AddSeconds(-1)));
        Assert.Equal(TestState.Closed, TestWindow.State(opens, closes, closes));
        Assert.False(TestWindow.ShowsAnswers(closes, closes.AddSeconds(-1)));
        Assert.True(TestWindow.ShowsAnswers(closes, closes));
    }

    [Fact]
    public void An_answer_sent_just_before_the_end_is_kept_and_one_after_the_grace_is_not()
    {
        var due = new DateTime(2026, 5, 20, 10, 30, 0);
        Assert.True(TestWindow.Accepts(due, due + TestWindow.Grace));
        Assert.False(TestWindow.Accepts(due, due + TestWindow.Grace + TimeSpan.FromSeconds(1)));
        Assert.False(TestWindow.IsOver(due, due + TestWindow.Grace));
        Assert.True(TestWindow.IsOver(due, due + TestWindow.Grace + TimeSpan.FromSeconds(1)));
    }

    private static QuestionRules.Input Q(QuestionKind? kind, string? options, string? answer, string? text = "题目", string? category = "党章党规") =>
        new(kind, category, Difficulty.Medium, text, options, answer, null);

    [Fact]
    public void A_question_is_checked_field_by_field()
    {
        Assert.Empty(QuestionRules.Check(Q(QuestionKind.SingleChoice, "甲\n乙\n丙", "c")).Problems);
        Assert.Equal("C", QuestionRules.Check(Q(QuestionKind.SingleChoice, "甲\n乙\n丙", "c")).Ok!.Answer);
        Assert.Equal(["Answer"], QuestionRules.Check(Q(QuestionKind.SingleChoice, "甲\n乙\n丙", "D")).Problems.Select(p => p.Field));
        Assert.Equal(["Options"], QuestionRules.Check(Q(QuestionKind.SingleChoice, "甲", "A")).Problems.Select(p => p.Field));
        Assert.Equal(["Options"], QuestionRules.Check(Q(QuestionKind.MultipleChoice, "甲\n甲\n丙", "AB")).Problems.Select(p => p.Field));
        Assert.Equal(["Answer"], QuestionRules.Check(Q(QuestionKind.MultipleChoice, "甲\n乙\n丙", "A")).Problems.Select(p => p.Field));
        Assert.Equal(["Answer"], QuestionRules.Check(Q(QuestionKind.TrueFalse, "", "不一定")).Problems.Select(p => p.Field));
        Assert.Equal(["Kind", "Category", "Text", "Answer"], QuestionRules.Check(Q(null, "", "", "", "")).Problems.Select(p => p.Field));
        Assert.Equal(["Text"], QuestionRules.Check(Q(QuestionKind.FillIn, "", "一", new string('题', QuestionRules.MaxText + 1))).Problems.Select(p => p.Field));
        Assert.Empty(QuestionRules.Check(Q(QuestionKind.FillIn, "", "一", new string('题', QuestionRules.MaxText))).Problems);
    }

    private static IDictionary<string, object?> Row(string kind, string text, string answer, params string[] options)
    {
        var row = new Dictionary<string, object?> { [QuestionSheet.Kind] = kind, [QuestionSheet.Category] = "党章党规", [QuestionSheet.Difficulty] = "中", [QuestionSheet.Text] = text, [QuestionSheet.Answer] = answer };
        for (var i = 0; i < QuestionSheet.OptionColumns.Length; i++) row[QuestionSheet.OptionColumns[i]] = i < options.Length ? options[i] : null;
        return row;
    }

    [Fact]
    public void The_sheet_reports_every_problem_by_row_and_column_and_gives_nothing_unless_all_rows_are_valid()
    {
        var rows = new List<IDictionary<string, object?>>
        {
            Row("单选", "党的最高领导机关是？", "A", "党的全国代表大会和它所产生的中央委员会", "中央政治局"),
            Row("问答", "什么是党性？", "略"),
            Row("单选", "预备期多长？", "E", "半年", "一年"),
            Row("多选", "三会包括？", "AB", "支部党员大会", "", "党小组会"),
            Row("判断", "党员可以不参加组织生活。", "错"),
            Row("判断", "党员可以不参加组织生活。", "错"),
            QuestionSheet.Columns.ToDictionary(c => c, _ => (object?)null),
        };
        rows.Add(new Dictionary<string, object?>(rows[4]) { [QuestionSheet.Difficulty] = "很难", [QuestionSheet.Text] = "另一题" });
        var (good, problems) = QuestionSheet.Check(rows);
        Assert.Empty(good);
        Assert.Equal([(3, QuestionSheet.Kind), (4, QuestionSheet.Answer), (5, "选项B"), (7, QuestionSheet.Text), (9, QuestionSheet.Difficulty)],
            problems.Select(p => (p.Row, p.Column)).ToList());
        var ok = QuestionSheet.Check([rows[0], rows[4]]);
        Assert.Empty(ok.Problems);
        Assert.Equal([QuestionKind.SingleChoice, QuestionKind.TrueFalse], ok.Questions.Select(q => q.Kind));
    }

    [Fact]
    public void A_sheet_without_the_template_s_columns_is_refused_at_the_header()
    {
        var (_, problems) = QuestionSheet.Check([new Dictionary<string, object?> { ["题目"] = "x" }]);
        Assert.Equal((1, "题型、分类、答案"), (Assert.Single(problems).Row, problems[0].Column));
    }

    [Fact]
    public void A_plan_shows_what_was_held_against_what_was_due()
    {
        var items = new[] { (1, 11, "一月"), (2, 12, "二月"), (3, 13, "三月"), (6, 16, "六月") };
        var sessions = new (DateOnly, int?)[] { (new DateOnly(2026, 1, 15), 11), (new DateOnly(2026, 3, 3), null) };
        var progress = PlanRules.Progress(2026, items, sessions, new DateOnly(2026, 5, 13));
        Assert.Equal([true, false, true, false], progress.Select(p => p.Held));
        Assert.Equal([true, true, true, false], progress.Select(p => p.Due));
    }

    [Fact]
    public void A_started_test_keeps_its_questions_and_times_and_its_window_may_only_grow()
    {
        var opens = new DateTime(2026, 12, 1, 8, 0, 0);
        var kept = new TestRules.Fixed(opens, opens.AddDays(7), 30, 60, true);
        // Nothing fixed sent (the form of a started test shows them as text), the close a minute later: fine.
        Assert.Empty(TestRules.CheckStarted(kept, null, kept.Closes.AddMinutes(1), null, null, null, questionsChanged: false));
        Assert.Empty(TestRules.CheckStarted(kept, opens, kept.Closes, 30, 60, true, questionsChanged: false));
        // A minute earlier is a shorter window.
        Assert.Equal(["Closes"], TestRules.CheckStarted(kept, null, kept.Closes.AddMinutes(-1), null, null, null, false).Select(p => p.Field));
        Assert.Equal(["Closes"], TestRules.CheckStarted(kept, null, null, null, null, null, false).Select(p => p.Field));
        // Each fixed setting posted different is refused by its field.
        var refused = TestRules.CheckStarted(kept, opens.AddHours(1), kept.Closes, 31, 59, false, questionsChanged: true);
        Assert.Equal(["Opens", "DurationMinutes", "PassMark", "ClosedBook", "QuestionIds"], refused.Select(p => p.Field));
    }

    [Fact]
    public void A_draw_line_asking_more_than_its_pool_or_overlapping_another_is_refused_by_its_field()
    {
        var pools = new Dictionary<(string?, Difficulty?), int> { [("党规党纪", Difficulty.Hard)] = 3, [("党规党纪", Difficulty.Easy)] = 10, [("保密知识", null)] = 4 };
        int Available(DrawRules.Line l) => pools.GetValueOrDefault((l.Category, l.Difficulty));
        var ok = DrawRules.Check([(0, new("党规党纪", Difficulty.Hard, 3)), (2, new("保密知识", null, 4))], Available, 200);
        Assert.Empty(ok);
        var tooMany = DrawRules.Check([(0, new("党规党纪", Difficulty.Hard, 4))], Available, 200);
        Assert.Equal("Draws[0].Count", Assert.Single(tooMany).Field);
        Assert.Equal(3, tooMany[0].Args[0]);
        // The same category at any difficulty could draw the hard questions twice.
        var overlap = DrawRules.Check([(0, new("党规党纪", Difficulty.Hard, 1)), (1, new("党规党纪", null, 1))], l => 10, 200);
        Assert.Equal("Draws[1].Category", Assert.Single(overlap).Field);
        Assert.Equal("Draws", Assert.Single(DrawRules.Check([], Available, 200)).Field);
        Assert.Equal("Draws[0].Count", Assert.Single(DrawRules.Check([(0, new(null, null, 0))], l => 10, 200)).Field);
        Assert.Equal("Draws", Assert.Single(DrawRules.Check([(0, new("甲", null, 150)), (1, new("乙", null, 51))], l => 1000, 200)).Field);
        Assert.Equal(["党规党纪|3|2", "|0|5"], DrawRules.Format(DrawRules.Parse("党规党纪|3|2;|0|5")).Split(';'));
    }

    [Fact]
    public void Each_person_gets_their_own_draw_from_their_seed_the_same_on_every_reload()
    {
        var lines = new List<DrawRules.Line> { new("甲", null, 3), new("乙", Difficulty.Hard, 2) };
        // Pools of 10 and 4 questions, in the test's order.
        var questions = Enumerable.Range(1, 14).Select(i => (Id: i, Pool: (int?)(i <= 10 ? 0 : 1))).ToList();
        IReadOnlyList<int> Asked(IReadOnlyList<(int Id, int? Pool)> list, int seed) => DrawRules.Asked(list, q => q.Pool, q => q.Id, lines, seed).Select(q => q.Id).ToList();
        var first = Asked(questions, 42);
        Assert.Equal(5, first.Count);
        Assert.Equal(3, first.Count(id => id <= 10));
        Assert.Equal(first, first.Distinct().Order());
        Assert.Equal(first, Asked(questions, 42));
        // Another seed, another set (among a few seeds at least one differs).
        var others = Enumerable.Range(1, 5).Select(s => string.Join(",", Asked(questions, s))).ToHashSet();
        Assert.True(others.Count > 1, "every seed drew the same questions");
        // A test without pools asks everyone every question.
        Assert.Equal(14, Asked(questions.Select(q => (q.Id, (int?)null)).ToList(), 7).Count);
    }
}
