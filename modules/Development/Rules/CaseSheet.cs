using System.Globalization;
using Modular.Modules.Development.Domain;
using Modular.Sdk;

namespace Modular.Modules.Development.Rules;

/// <summary>A problem of the import sheet: its row (the header is row 1; 0 for the whole file), its column and an English message key.</summary>
public sealed record SheetProblem(int Row, string Column, string Message, params object?[] Args);

/// <summary>One checked row: the person, the stage the steps bring them to, and the steps to record in order.</summary>
/// <param name="Row">The sheet's row.</param>
/// <param name="Person">The person, of the current agency.</param>
/// <param name="Stage">The directory stage after the steps (the sheet's 阶段 column agrees).</param>
/// <param name="Entries">The steps, 1 to the last, as the recorder's form would post them.</param>
public sealed record SheetCase(int Row, MemberInfo Person, MemberStage Stage, IReadOnlyList<StepEntry> Entries);

/// <summary>What checking a row needs to know besides the row: the agency's people, who the user works on, and each person's age on a date.</summary>
/// <param name="Members">Everyone of the current agency, by id (other agencies' ids are not there).</param>
/// <param name="InScope">Whether the user works on the person's branch.</param>
/// <param name="HasCase">Whether the person's development is recorded already.</param>
/// <param name="AgeOn">The person's age on a date, null when the directory does not know the birth date.</param>
public sealed record SheetContext(IReadOnlyDictionary<int, MemberInfo> Members, Func<MemberInfo, bool> InScope, Func<int, bool> HasCase, Func<int, DateOnly, int?> AgeOn);

/// <summary>
/// The Excel sheet of people already on the way (one row a person): who (name or directory number), the stage, the date
/// of each step done, the mentors and sponsors, and the figures the gated steps need. Each row is replayed step by step
/// through <see cref="StepRules"/>, the same gates the step form meets, so a sheet can record nothing the form would
/// refuse. Repeated steps (reviews, training, probation education) are given once, with the latest date.
/// </summary>
public static class CaseSheet
{
    public const int MaxRows = 500;
    public const string Name = "姓名";
    public const string Number = "名册编号";
    public const string StageColumn = "阶段";
    public const string Mentors = "培养联系人";
    public const string Sponsors = "入党介绍人";
    public const string Conclusion = "政审结论";
    public const string TrainingDays = "培训天数";
    public const string TrainingHours = "培训学时";
    public const string Outcome = "转正表决结果";
    public const string ExtensionMonths = "延长预备期月数";

    // A fixed file format, in Chinese whatever the page's language (as the directory's own import).
    private static readonly string[] StepNames =
    [
        "递交入党申请书", "入党谈话", "确定入党积极分子", "积极分子备案", "指定培养联系人", "培养教育考察", "确定发展对象", "发展对象备案",
        "确定入党介绍人", "政治审查", "集中培训", "支委会审查", "上级党委预审", "填写入党志愿书", "支部大会讨论接收", "上级党委派人谈话",
        "上级党委审批", "报上级组织部门备案", "编入支部和党小组", "入党宣誓", "预备期教育考察", "提出转正申请", "支部大会讨论转正",
        "上级党委审批转正", "材料归档",
    ];

    /// <summary>The stage names the 阶段 column takes (the directory's words, with the short forms people write).</summary>
    public static readonly IReadOnlyDictionary<string, MemberStage> StageNames = new Dictionary<string, MemberStage>
    {
        ["入党申请人"] = MemberStage.Applicant, ["申请人"] = MemberStage.Applicant,
        ["入党积极分子"] = MemberStage.Activist, ["积极分子"] = MemberStage.Activist,
        ["发展对象"] = MemberStage.DevelopmentCandidate,
        ["预备党员"] = MemberStage.ProbationaryMember,
        ["正式党员"] = MemberStage.FullMember,
    };

    public static readonly IReadOnlyDictionary<string, ProbationOutcome> OutcomeNames = new Dictionary<string, ProbationOutcome>
    {
        ["按期转正"] = ProbationOutcome.FullMembership, ["延长预备期"] = ProbationOutcome.Extend, ["取消预备党员资格"] = ProbationOutcome.Cancel,
    };

    /// <summary>A step's short Chinese name (确定入党积极分子), as the sheet and the documents write it.</summary>
    public static string StepName(int step) => StepNames[step - 1];

    /// <summary>The date column of a step: 第3步 确定入党积极分子.</summary>
    public static string StepColumn(int step) => $"第{step}步 {StepNames[step - 1]}";

    /// <summary>The vote columns of step 15 or 23: full members due, present, for, against, abstaining.</summary>
    public static (string Entitled, string Present, string For, string Against, string Abstain) VoteColumns(int step)
    {
        var prefix = step == Steps.AdmissionVote ? "接收表决" : "转正表决";
        return ($"{prefix}应到正式党员", $"{prefix}实到", $"{prefix}赞成", $"{prefix}反对", $"{prefix}弃权");
    }

    /// <summary>Every column, in the template's order.</summary>
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    private static List<string> BuildColumns()
    {
        var columns = new List<string> { Name, Number, StageColumn };
        for (var step = 1; step <= Steps.Count; step++)
        {
            columns.Add(StepColumn(step));
            switch (step)
            {
                case Steps.Mentors: columns.Add(Mentors); break;
                case Steps.Sponsors: columns.Add(Sponsors); break;
                case Steps.PoliticalReview: columns.Add(Conclusion); break;
                case Steps.Training: columns.Add(TrainingDays); columns.Add(TrainingHours); break;
                case Steps.AdmissionVote or Steps.FullMembershipVote:
                    var v = VoteColumns(step);
                    columns.AddRange([v.Entitled, v.Present, v.For, v.Against, v.Abstain]);
                    if (step == Steps.FullMembershipVote) { columns.Add(Outcome); columns.Add(ExtensionMonths); }
                    break;
            }
        }
        return columns;
    }

    /// <summary>The column where a problem of the step rules shows, by the rule's field name.</summary>
    public static string ColumnOf(int step, string field)
    {
        var vote = VoteColumns(step);
        return field switch
        {
            nameof(StepEntry.Mentors) => Mentors,
            nameof(StepEntry.Sponsors) => Sponsors,
            nameof(StepEntry.Conclusion) => Conclusion,
            nameof(StepEntry.TrainingDays) => TrainingDays,
            nameof(StepEntry.TrainingHours) => TrainingHours,
            nameof(StepEntry.Outcome) => Outcome,
            nameof(StepEntry.ExtensionMonths) => ExtensionMonths,
            "Vote.Entitled" => vote.Entitled,
            "Vote.Present" => vote.Present,
            "Vote.For" => vote.For,
            _ => StepColumn(step),
        };
    }

    /// <summary>
    /// Finds the row's person (by number, else by name), checks the stage, the cells and every step against the gates,
    /// and returns the case to record, or null with the row's problems.
    /// </summary>
    public static SheetCase? Check(int row, IDictionary<string, object?> cells, SheetContext context, DateOnly today, List<SheetProblem> problems)
    {
        var before = problems.Count;
        void Fail(string column, string message, params object?[] args) => problems.Add(new SheetProblem(row, column, message, args));
        var cell = new Cells(cells);

        var person = Person(cell, context, Fail);
        MemberStage? stage = null;
        if (cell.Text(StageColumn) is not { } stageText) Fail(StageColumn, "Enter the stage the person is at now.");
        else if (StageNames.TryGetValue(stageText, out var s)) stage = s;
        else Fail(StageColumn, "The stage is one of: {0}.", "入党申请人、入党积极分子、发展对象、预备党员、正式党员");

        // Each step's date; the steps done are those with a date, and they are checked in order below.
        var dates = new Dictionary<int, DateOnly>();
        for (var step = 1; step <= Steps.Count; step++)
            if (cell.Date(StepColumn(step), Fail) is { } d) dates[step] = d;
        var mentors = Names(cell, Mentors, context, Fail);
        var sponsors = Names(cell, Sponsors, context, Fail);
        var days = cell.Number(TrainingDays, Fail);
        var hours = cell.Number(TrainingHours, Fail);
        ProbationOutcome? outcome = null;
        if (cell.Text(Outcome) is { } outcomeText)
        {
            if (OutcomeNames.TryGetValue(outcomeText, out var o)) outcome = o;
            else Fail(Outcome, "The decision is one of: {0}.", string.Join("、", OutcomeNames.Keys));
        }
        var extension = cell.Number(ExtensionMonths, Fail);
        if (problems.Count > before || person is null || stage is null) return null;
        if (dates.Count == 0)
        {
            Fail(StepColumn(1), "Enter the date of each step done, from step 1.");
            return null;
        }

        VoteFigures? Vote(int step)
        {
            var c = VoteColumns(step);
            var n = new[] { c.Entitled, c.Present, c.For, c.Against, c.Abstain }.Select(col => cell.Number(col, Fail)).ToList();
            return new VoteFigures(Whole(n[0]), Whole(n[1]), Whole(n[2]), Whole(n[3]), Whole(n[4]));
        }

        // Replayed as the form would record them, one at a time: a gap, an early date or a missing figure stops the row.
        var history = new List<RecordedStep>();
        var entries = new List<StepEntry>();
        var reached = MemberStage.Applicant;
        var isFull = (int id) => context.Members.TryGetValue(id, out var m) && m.CanVote;
        foreach (var (step, date) in dates.OrderBy(d => d.Key))
        {
            var entry = new StepEntry(step, date,
                Mentors: step == Steps.Mentors ? mentors : null,
                Sponsors: step == Steps.Sponsors ? sponsors : null,
                Conclusion: step == Steps.PoliticalReview ? cell.Text(Conclusion) : null,
                TrainingDays: step == Steps.Training ? days : null,
                TrainingHours: step == Steps.Training ? hours : null,
                Vote: step is Steps.AdmissionVote or Steps.FullMembershipVote ? Vote(step) : null,
                Outcome: step == Steps.FullMembershipVote ? outcome : null,
                ExtensionMonths: step == Steps.FullMembershipVote ? Whole(extension) : null);
            var context1 = new StepContext(person.Id, step == Steps.Application ? context.AgeOn(person.Id, date) : null, isFull);
            var found = StepRules.Check(new CaseHistory(history), entry, context1, today).ToList();
            if (found.Count > 0)
            {
                foreach (var p in found) Fail(ColumnOf(step, p.Field), p.Message, p.Args);
                return null;
            }
            history.Add(new RecordedStep(step, date, !string.IsNullOrWhiteSpace(entry.Conclusion), entry.TrainingDays, entry.TrainingHours, entry.Outcome,
                entry.Outcome == ProbationOutcome.Extend ? entry.ExtensionMonths : null));
            entries.Add(entry);
            if (StageMoves.After(step, new CaseHistory(history), date) is { } moved) reached = moved.Stage;
        }
        if (problems.Count > before) return null;
        // A sheet carries one vote on full membership; a cancelled probation ends the case, which is not an import's to close.
        if (new CaseHistory(history).Status == CaseStatus.Cancelled)
        {
            Fail(Outcome, "A cancelled probation is not imported: record it on the person's page.");
            return null;
        }
        if (stage != reached)
        {
            Fail(StageColumn, "By the steps given the person is “{0}” now.", StageNames.First(n => n.Value == reached).Key);
            return null;
        }
        if (person.Stage > reached)
        {
            Fail(StageColumn, "The roster has the person further on (“{0}”) than the steps given.", StageNames.First(n => n.Value == person.Stage).Key);
            return null;
        }
        return new SheetCase(row, person, reached, entries);
    }

    private static MemberInfo? Person(Cells cell, SheetContext context, Action<string, string, object?[]> fail)
    {
        var name = cell.Text(Name);
        var numberText = cell.Text(Number);
        MemberInfo? person = null;
        if (numberText is not null)
        {
            // Another agency's number is not in this agency's roster, and reads as unknown.
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !context.Members.TryGetValue(id, out person))
            {
                fail(Number, "There is no one with number {0} on the roster.", [numberText]);
                return null;
            }
            if (name is not null && name != person.Name)
            {
                fail(Name, "Number {0} on the roster is {1}, not {2}.", [id, person.Name, name]);
                return null;
            }
        }
        else if (name is null)
        {
            fail(Name, "Enter the name or the roster number.", []);
            return null;
        }
        else
        {
            var named = context.Members.Values.Where(m => m.Name == name && m.IsOnRoster).ToList();
            if (named.Count == 0) { fail(Name, "There is no one named {0} on the roster.", [name]); return null; }
            if (named.Count > 1) { fail(Name, "More than one person is named {0}: enter the roster number.", [name]); return null; }
            person = named[0];
        }
        if (!person.IsOnRoster) fail(Number, "{0} is no longer on the roster.", [person.Name]);
        else if (!context.InScope(person)) fail(Number, "{0} is not in a branch you work on.", [person.Name]);
        else if (context.HasCase(person.Id)) fail(Number, "{0}'s development is already recorded.", [person.Name]);
        else return person;
        return null;
    }

    /// <summary>Mentors or sponsors by name (or number), separated by 、 or commas; the step rules check how many and whether they are full members.</summary>
    private static List<int> Names(Cells cell, string column, SheetContext context, Action<string, string, object?[]> fail)
    {
        var ids = new List<int>();
        foreach (var part in (cell.Text(column) ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var named = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && context.Members.TryGetValue(id, out var byId)
                ? [byId]
                : context.Members.Values.Where(m => m.Name == part && m.CanVote).ToList();
            if (named.Count == 1) ids.Add(named[0].Id);
            else if (named.Count == 0) fail(column, "There is no full member named {0} on the roster.", [part]);
            else fail(column, "More than one full member is named {0}: enter the roster number.", [part]);
        }
        return ids;
    }

    /// <summary>A date cell as the check reads it; null when empty or not a date.</summary>
    public static DateOnly? DateCell(IDictionary<string, object?> cells, string column) => new Cells(cells).Date(column, (_, _, _) => { });

    private static int? Whole(decimal? n) => n is { } v && v == decimal.Truncate(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    /// <summary>The template: the columns and one example row (a person who became an activist; the names are for the user to replace).</summary>
    public static IReadOnlyList<Dictionary<string, object?>> TemplateRows(DateOnly today)
    {
        var row = Columns.ToDictionary(c => c, _ => (object?)null);
        row[Name] = "张三";
        row[StageColumn] = "入党积极分子";
        row[StepColumn(1)] = today.AddMonths(-8).ToString("yyyy-MM-dd");
        row[StepColumn(2)] = today.AddMonths(-8).AddDays(20).ToString("yyyy-MM-dd");
        row[StepColumn(3)] = today.AddMonths(-5).ToString("yyyy-MM-dd");
        row[StepColumn(4)] = today.AddMonths(-5).AddDays(10).ToString("yyyy-MM-dd");
        row[StepColumn(5)] = today.AddMonths(-5).AddDays(10).ToString("yyyy-MM-dd");
        row[Mentors] = "李四、王五";
        return [row];
    }

    /// <summary>Reads a row's cells as MiniExcel gives them (text, numbers, dates).</summary>
    private sealed class Cells(IDictionary<string, object?> cells)
    {
        public string? Text(string column) =>
            cells.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } s ? s : null;

        public DateOnly? Date(string column, Action<string, string, object?[]> fail)
        {
            if (Text(column) is not { } text) return null;
            DateOnly? date = cells[column] switch
            {
                DateTime dt => DateOnly.FromDateTime(dt),
                // Excel's serial days; FromOADate throws outside its range.
                double serial => serial is > 0 and < 2958466 ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null,
                _ => DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var d) ? d : null,
            };
            if (date is not { } found || !SaneDates.IsSane(found))
            {
                fail(column, "The date must look like 2024-07-01.", []);
                return null;
            }
            return found;
        }

        public decimal? Number(string column, Action<string, string, object?[]> fail)
        {
            if (Text(column) is not { } text) return null;
            decimal? n = cells[column] switch
            {
                double d when !double.IsNaN(d) && Math.Abs(d) < 1e9 => (decimal)d,
                int i => i,
                long l when Math.Abs(l) < 1_000_000_000 => l,
                decimal m => m,
                _ => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : null,
            };
            if (n is null) fail(column, "Enter a number.", []);
            return n;
        }
    }
}
