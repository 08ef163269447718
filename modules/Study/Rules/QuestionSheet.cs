using System.Globalization;
using Modular.Modules.Study.Domain;

namespace Modular.Modules.Study.Rules;

/// <summary>A problem of an imported sheet: the row as Excel numbers it (the header is row 1), the column, an English message key and its arguments.</summary>
public sealed record SheetProblem(int Row, string Column, string Message, params object[] Args);

/// <summary>
/// The question bank's sheet (题库导入表): 题型, 分类, 难度, 题目, 选项A…选项F, 答案, 解析. Every row is checked with the
/// form's rules and every problem reported by row and column; the import saves nothing unless there is none.
/// </summary>
public static class QuestionSheet
{
    public const int MaxRows = 2000;
    public const string Kind = "题型", Category = "分类", Difficulty = "难度", Text = "题目", Answer = "答案", Explanation = "解析";
    public static readonly string[] OptionColumns = Answers.Letters.Select(l => "选项" + l).ToArray();
    public static readonly string[] Columns = [Kind, Category, Difficulty, Text, .. OptionColumns, Answer, Explanation];
    private static readonly string[] Required = [Kind, Category, Text, Answer];

    public static readonly IReadOnlyDictionary<string, QuestionKind> Kinds = new Dictionary<string, QuestionKind>
    {
        ["单选"] = QuestionKind.SingleChoice, ["单选题"] = QuestionKind.SingleChoice, ["多选"] = QuestionKind.MultipleChoice, ["多选题"] = QuestionKind.MultipleChoice,
        ["判断"] = QuestionKind.TrueFalse, ["判断题"] = QuestionKind.TrueFalse, ["填空"] = QuestionKind.FillIn, ["填空题"] = QuestionKind.FillIn,
    };

    public static readonly IReadOnlyDictionary<string, Domain.Difficulty> Levels = new Dictionary<string, Domain.Difficulty>
    {
        ["易"] = Domain.Difficulty.Easy, ["容易"] = Domain.Difficulty.Easy, ["中"] = Domain.Difficulty.Medium, ["中等"] = Domain.Difficulty.Medium,
        ["难"] = Domain.Difficulty.Hard, ["困难"] = Domain.Difficulty.Hard,
    };

    public const string KindList = "单选、多选、判断、填空", LevelList = "易、中、难";

    public static string KindName(QuestionKind k) => k switch
    {
        QuestionKind.SingleChoice => "单选", QuestionKind.MultipleChoice => "多选", QuestionKind.TrueFalse => "判断", _ => "填空",
    };

    public static string LevelName(Domain.Difficulty d) => d switch { Domain.Difficulty.Easy => "易", Domain.Difficulty.Hard => "难", _ => "中" };

    // The form's fields, named as the sheet's columns.
    private static string ColumnOf(string field) => field switch
    {
        "Kind" => Kind, "Category" => Category, "Difficulty" => Difficulty, "Text" => Text, "Options" => OptionColumns[0], "Answer" => Answer, _ => Explanation,
    };

    /// <summary>The questions of the sheet, checked; none when there is any problem.</summary>
    public static (List<QuestionRules.Input> Questions, List<SheetProblem> Problems) Check(IReadOnlyList<IDictionary<string, object?>> rows)
    {
        var problems = new List<SheetProblem>();
        var good = new List<QuestionRules.Input>();
        if (rows.Count == 0) return (good, [new(0, "", "The file has no rows of data.")]);
        if (rows.Count > MaxRows) return (good, [new(0, "", "At most {0} rows at a time.", MaxRows)]);
        var missing = Required.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return (good, [new(1, string.Join("、", missing), "Columns are missing: use the downloaded template.")]);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var r = rows[i];
            if (r.Values.All(v => v is null || Cell(v).Length == 0)) continue;
            var before = problems.Count;
            QuestionKind? kind = null;
            if (Cell(r, Kind) is not { Length: > 0 } k) problems.Add(new(line, Kind, "Enter the type: {0}.", KindList));
            else if (!Kinds.TryGetValue(k, out var found)) problems.Add(new(line, Kind, "{0} is no type: {1}.", k, KindList));
            else kind = found;
            var level = Domain.Difficulty.Medium;
            if (Cell(r, Difficulty) is { Length: > 0 } d)
            {
                if (Levels.TryGetValue(d, out var named)) level = named;
                else problems.Add(new(line, Difficulty, "{0} is no difficulty: {1}.", d, LevelList));
            }
            var options = OptionColumns.Select(c => Cell(r, c)).ToList();
            var last = options.FindLastIndex(o => o.Length > 0);
            if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && options.Take(last + 1).Any(o => o.Length == 0))
                problems.Add(new(line, OptionColumns[options.FindIndex(o => o.Length == 0)], "Fill the options from A on without gaps."));
            if (kind is not null)
            {
                var input = new QuestionRules.Input(kind, Cell(r, Category), level, Cell(r, Text), string.Join('\n', options.Take(last + 1)), Cell(r, Answer), Cell(r, Explanation));
                var (ok, found) = QuestionRules.Check(input);
                problems.AddRange(found.Select(p => new SheetProblem(line, ColumnOf(p.Field), p.Message, p.Args)));
                if (ok is not null && problems.Count == before)
                {
                    if (seen.TryGetValue(ok.Text!, out var first)) problems.Add(new(line, Text, "The same question as row {0}.", first));
                    else { seen[ok.Text!] = line; good.Add(ok); }
                }
            }
        }
        if (problems.Count == 0 && good.Count == 0) problems.Add(new(0, "", "The file has no rows of data."));
        return problems.Count > 0 ? ([], problems) : (good, problems);
    }

    /// <summary>A question as a row of the sheet (the export, and the template's examples).</summary>
    public static Dictionary<string, object?> Row(QuestionKind kind, string category, Domain.Difficulty level, string text, string options, string answer, string? explanation)
    {
        var row = new Dictionary<string, object?> { [Kind] = KindName(kind), [Category] = category, [Difficulty] = LevelName(level), [Text] = text };
        var list = Answers.Options(options);
        for (var i = 0; i < OptionColumns.Length; i++) row[OptionColumns[i]] = i < list.Count ? list[i] : "";
        row[Answer] = answer;
        row[Explanation] = explanation ?? "";
        return row;
    }

    private static string Cell(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? Cell(v) : "";

    private static string Cell(object? v) => v switch
    {
        null => "",
        bool b => b ? Answers.True : Answers.False,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim(),
    };
}
