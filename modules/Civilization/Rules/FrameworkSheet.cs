using System.Globalization;

namespace Modular.Modules.Civilization.Rules;

/// <summary>
/// Checks the rows of a criteria-framework sheet (one row per item; the header is row 1). Every problem is reported by row
/// and column; the caller imports nothing unless there is none. Messages are English keys with arguments (zh-CN.json).
/// </summary>
public static class FrameworkSheet
{
    public const string Category = "类别";
    public const string Code = "序号";
    public const string Text = "测评内容";
    public const string Points = "分值";
    public const string Owner = "责任人";
    public const string Due = "完成时限";
    public static readonly string[] Columns = [Category, Code, Text, Points, Owner, Due];
    public static readonly string[] Required = [Category, Text, Points];
    public const int MaxRows = 500;
    public const decimal MaxPoints = 100;
    public const int MaxCategoryLength = 50, MaxCodeLength = 20, MaxTextLength = 500;

    public sealed record Problem(int Row, string Column, string Message, params object[] Args);

    public sealed record Row(int Line, string Category, string? Code, string Text, decimal Points, int? OwnerMemberId, DateOnly? DueDate);

    public sealed record Outcome(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems);

    /// <param name="membersByName">The agency's members by name (several ids when names repeat).</param>
    public static Outcome Check(IReadOnlyList<IDictionary<string, object?>> rows, IReadOnlyDictionary<string, IReadOnlyList<int>> membersByName)
    {
        if (rows.Count == 0) return new([], [new Problem(0, "", "The file has no data rows.")]);
        if (rows.Count > MaxRows) return new([], [new Problem(0, "", "At most {0} rows can be imported at a time.", MaxRows)]);
        var missing = Required.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return new([], [new Problem(1, string.Join("、", missing), "Required columns are missing: use the downloaded template.")]);

        var problems = new List<Problem>();
        var result = new List<Row>();
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var r = rows[i];
            string? Cell(string column) => r.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } s ? s : null;
            void Fail(string column, string message, params object[] args) => problems.Add(new Problem(line, column, message, args));
            // Blank lines between filled ones are skipped, as people leave them in sheets.
            if (Columns.All(c => Cell(c) is null)) continue;

            var category = Cell(Category);
            if (category is null) Fail(Category, "Enter the category.");
            else if (category.Length > MaxCategoryLength) Fail(Category, "At most {0} characters.", MaxCategoryLength);

            var code = Cell(Code);
            if (code is { Length: > MaxCodeLength }) Fail(Code, "At most {0} characters.", MaxCodeLength);

            var text = Cell(Text);
            if (text is null) Fail(Text, "Enter the criterion.");
            else if (text.Length > MaxTextLength) Fail(Text, "At most {0} characters.", MaxTextLength);
            else if (category is not null)
            {
                if (seen.TryGetValue((category, text), out var first)) Fail(Text, "The same criterion as row {0} in this category.", first);
                else seen[(category, text)] = line;
            }

            decimal points = 0;
            var pointsCell = r.TryGetValue(Points, out var pv) ? pv : null;
            var pointsText = Cell(Points);
            if (pointsText is null) Fail(Points, "Enter the points.");
            else if (!TryPoints(pointsCell, pointsText, out points)) Fail(Points, "Points must be a number with at most one decimal, e.g. 2 or 1.5.");
            else if (points <= 0 || points > MaxPoints) Fail(Points, "Points must be more than 0 and at most {0}.", MaxPoints);

            int? owner = null;
            if (Cell(Owner) is { } ownerName)
            {
                if (!membersByName.TryGetValue(ownerName, out var ids) || ids.Count == 0) Fail(Owner, "No member named “{0}” in this agency.", ownerName);
                else if (ids.Count > 1) Fail(Owner, "More than one member is named “{0}”: leave the cell empty and choose the owner on the item's page.", ownerName);
                else owner = ids[0];
            }

            DateOnly? due = null;
            if (Cell(Due) is not null)
            {
                var dv = r[Due];
                if (dv is DateTime dt) due = DateOnly.FromDateTime(dt);
                else if (dv is double serial && serial is > 0 and < 2958466) due = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                else if (DateOnly.TryParseExact(Cell(Due), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) due = d;
                else Fail(Due, "The date must look like 2026-06-30.");
                if (due is { Year: < 2000 or > 2100 }) { Fail(Due, "The date must look like 2026-06-30."); due = null; }
            }

            if (category is not null && text is not null && !problems.Any(p => p.Row == line))
                result.Add(new Row(line, category, code, text, points, owner, due));
        }
        if (problems.Count == 0 && result.Count == 0) problems.Add(new Problem(0, "", "The file has no data rows."));
        return new(problems.Count > 0 ? [] : result, problems);
    }

    private static bool TryPoints(object? cell, string text, out decimal points)
    {
        points = 0;
        if (cell is double d) points = (decimal)d;
        else if (cell is decimal m) points = m;
        else if (cell is int n) points = n;
        else if (cell is long l) points = l;
        else if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out points)) return false;
        return decimal.Round(points, 1) == points;
    }
}
