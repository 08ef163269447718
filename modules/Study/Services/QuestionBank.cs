namespace Modular.Modules.Study.Services;

/// <summary>The question bank: saving a question, the Excel import (all rows valid or nothing saved), the export and the template.</summary>
public sealed class QuestionBank(StudyDbContext db)
{
    public sealed record ImportOutcome(int Imported, IReadOnlyList<SheetProblem> Problems);

    /// <summary>The categories in use, for filters and the draw.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken ct) =>
        await db.Questions.AsNoTracking().Select(q => q.Category).Distinct().OrderBy(c => c).ToListAsync(ct);

    public static void Apply(Question q, QuestionRules.Input ok)
    {
        q.Kind = ok.Kind!.Value;
        q.Category = ok.Category!;
        q.Difficulty = ok.Difficulty!.Value;
        q.Text = ok.Text!;
        q.Options = ok.Options ?? "";
        q.Answer = ok.Answer!;
        q.Explanation = ok.Explanation;
    }

    public static byte[] Template() => ExcelSheet.Write(
    [
        QuestionSheet.Row(QuestionKind.SingleChoice, "党章党规", Difficulty.Easy, "党的最高领导机关是？", "党的全国代表大会和它所产生的中央委员会\n中央政治局\n中央军事委员会", "A", "《中国共产党章程》第十条。"),
        QuestionSheet.Row(QuestionKind.MultipleChoice, "党章党规", Difficulty.Medium, "党的纪律包括哪些？", "政治纪律\n组织纪律\n廉洁纪律\n群众纪律", "ABCD", null),
        QuestionSheet.Row(QuestionKind.TrueFalse, "党的纪律", Difficulty.Easy, "党员可以不参加党的组织生活。", "", "错", null),
        QuestionSheet.Row(QuestionKind.FillIn, "党章党规", Difficulty.Medium, "预备党员的预备期为____年。", "", "1|一", "可写“1”或“一”，多个可接受的答案用“|”分开。"),
    ]);

    public async Task<byte[]> ExportAsync(string? category, CancellationToken ct)
    {
        var query = db.Questions.AsNoTracking();
        if (!string.IsNullOrEmpty(category)) query = query.Where(q => q.Category == category);
        var rows = await query.OrderBy(q => q.Category).ThenBy(q => q.Id).ToListAsync(ct);
        var sheet = rows.Select(q => (IDictionary<string, object?>)QuestionSheet.Row(q.Kind, q.Category, q.Difficulty, q.Text, q.Options, q.Answer, q.Explanation)).ToList();
        // An empty bank exports the header alone (MiniExcel takes it from the first row).
        if (sheet.Count == 0) sheet.Add(QuestionSheet.Columns.ToDictionary(c => c, _ => (object?)null));
        return ExcelSheet.Write(sheet);
    }

    public async Task<ImportOutcome> ImportAsync(Stream file, CancellationToken ct)
    {
        if (ExcelSheet.Read(file, QuestionSheet.MaxRows) is not { } rows) return new ImportOutcome(0, [ExcelSheet.Unreadable]);
        var (good, problems) = QuestionSheet.Check(rows);
        if (problems.Count > 0) return new ImportOutcome(0, problems);
        foreach (var ok in good)
        {
            var q = new Question();
            Apply(q, ok);
            db.Questions.Add(q);
        }
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(good.Count, []);
    }
}
