using System.Globalization;
using Modular.Modules.Dues.Domain;

namespace Modular.Modules.Dues.Rules;

/// <summary>A problem of an imported sheet: the row as Excel numbers it (the header is row 1), the column, an English message key and its arguments.</summary>
public sealed record SheetProblem(int Row, string Column, string Message, params object[] Args);

/// <summary>A member a sheet may name: by number (the directory id, shown on the member's dues page) or by a name only one member has.</summary>
public sealed record SheetMember(int Id, string Name);

/// <summary>Reading cells of an imported sheet, shared by the bases and the bank statements.</summary>
public static class SheetCells
{
    public const int MaxRows = 5000;

    public static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>A number cell (a number, or text such as "3,500.00"); null when empty; <paramref name="unreadable"/> when there is text that is no number.</summary>
    public static decimal? Number(IDictionary<string, object?> row, string column, out bool unreadable)
    {
        unreadable = false;
        if (!row.TryGetValue(column, out var v) || v is null) return null;
        switch (v)
        {
            case decimal d: return d;
            case double d: return (decimal)d;
            case int i: return i;
            case long l: return l;
        }
        var text = Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim().Replace(",", "").Replace("元", "");
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        unreadable = true;
        return null;
    }

    /// <summary>A date cell (a date, an Excel serial day, or text such as 2026-05-13 / 2026/5/13); null when empty or unreadable (<paramref name="unreadable"/>).</summary>
    public static DateOnly? Date(IDictionary<string, object?> row, string column, out bool unreadable)
    {
        unreadable = false;
        if (!row.TryGetValue(column, out var v) || v is null) return null;
        switch (v)
        {
            case DateTime dt: return DateOnly.FromDateTime(dt);
            case double serial when serial is > 0 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim();
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return DateOnly.FromDateTime(t);
        unreadable = true;
        return null;
    }

    /// <summary>The member a row names: by number first, else by a name exactly one member has. Adds the problem when none or several.</summary>
    public static SheetMember? Member(IDictionary<string, object?> row, int line, string numberColumn, string nameColumn,
        IReadOnlyCollection<SheetMember> members, List<SheetProblem> problems)
    {
        var number = Text(row, numberColumn);
        var name = Text(row, nameColumn);
        if (number is not null)
        {
            var found = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? members.FirstOrDefault(m => m.Id == id) : null;
            if (found is null) { problems.Add(new(line, numberColumn, "No Party member of the agency has number {0}.", number)); return null; }
            if (name is not null && name != found.Name) { problems.Add(new(line, nameColumn, "Number {0} is {1}, not {2}.", number, found.Name, name)); return null; }
            return found;
        }
        if (name is null) { problems.Add(new(line, nameColumn, "Enter the member's name or number.")); return null; }
        var named = members.Where(m => m.Name == name).Take(2).ToList();
        if (named.Count == 0) { problems.Add(new(line, nameColumn, "No Party member of the agency is called {0}.", name)); return null; }
        if (named.Count > 1) { problems.Add(new(line, nameColumn, "Several members are called {0}: enter the number.", name)); return null; }
        return named[0];
    }
}

/// <summary>
/// The bases sheet (党费基数导入表): 党员编号 (optional), 姓名, 人员类别, 缴费基数（元）. Every row is checked and every problem
/// reported by row and column; the page imports nothing unless there is none.
/// </summary>
public static class BaseSheet
{
    public const string Number = "党员编号", Name = "姓名", Category = "人员类别", Base = "缴费基数（元）";
    public static readonly string[] Columns = [Number, Name, Category, Base];

    /// <summary>The categories as the sheet writes them.</summary>
    public static readonly IReadOnlyDictionary<string, DuesCategory> Categories = new Dictionary<string, DuesCategory>
    {
        ["在职"] = DuesCategory.Employed, ["离退休"] = DuesCategory.Retired, ["退休"] = DuesCategory.Retired, ["学生"] = DuesCategory.Student,
        ["下岗失业"] = DuesCategory.Unemployed, ["失业"] = DuesCategory.Unemployed, ["低保"] = DuesCategory.Relief, ["依靠救济"] = DuesCategory.Relief,
    };

    /// <summary>The categories as the template asks for them.</summary>
    public const string CategoryList = "在职、离退休、学生、下岗失业、低保";

    public sealed record Row(int Line, int MemberId, DuesCategory Category, decimal? Base);

    /// <param name="rows">The sheet's rows under its header.</param>
    /// <param name="members">The Party members of the agency.</param>
    /// <param name="recordedYears">Per member id, the years with a base already.</param>
    /// <param name="year">The year imported.</param>
    /// <param name="today">Today in the agency.</param>
    public static (List<Row> Rows, List<SheetProblem> Problems) Check(IReadOnlyList<IDictionary<string, object?>> rows, IReadOnlyCollection<SheetMember> members,
        IReadOnlyDictionary<int, IReadOnlyCollection<int>> recordedYears, int year, DateOnly today)
    {
        var problems = new List<SheetProblem>();
        var good = new List<Row>();
        if (rows.Count == 0) return (good, [new(0, "", "The file has no rows of data.")]);
        if (rows.Count > SheetCells.MaxRows) return (good, [new(0, "", "At most {0} rows at a time.", SheetCells.MaxRows)]);
        var missing = new[] { Name, Category, Base }.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return (good, [new(1, string.Join("、", missing), "Columns are missing: use the downloaded template.")]);
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var r = rows[i];
            if (r.Values.All(v => v is null || Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim().Length == 0)) continue;
            var before = problems.Count;
            var member = SheetCells.Member(r, line, Number, Name, members, problems);
            if (member is not null && !seen.TryAdd(member.Id, line)) problems.Add(new(line, Name, "{0} is on row {1} already.", member.Name, seen[member.Id]));
            DuesCategory? category = null;
            if (SheetCells.Text(r, Category) is not { } text) problems.Add(new(line, Category, "Enter the category: {0}.", CategoryList));
            else if (!Categories.TryGetValue(text, out var c)) problems.Add(new(line, Category, "{0} is no category: {1}.", text, CategoryList));
            else category = c;
            var value = SheetCells.Number(r, Base, out var unreadable);
            if (unreadable) problems.Add(new(line, Base, "The base is not a number."));
            else if (category is { } cat && DuesRates.HasBase(cat))
                problems.AddRange(BaseRules.CheckBase(value, Base).Select(p => new SheetProblem(line, Base, p.Message, p.Args)));
            if (member is not null && year <= today.Year && recordedYears.TryGetValue(member.Id, out var years) && years.Contains(year))
                problems.Add(new(line, Name, "The amount for {0} was fixed at the start of the year: record the new base for {1}.", year, today.Year + 1));
            if (problems.Count == before && member is not null && category is { } ok)
                good.Add(new(line, member.Id, ok, DuesRates.HasBase(ok) ? value : null));
        }
        if (problems.Count == 0 && good.Count == 0) problems.Add(new(0, "", "The file has no rows of data."));
        return (good, problems);
    }
}

/// <summary>
/// A bank statement (银行流水): 党员编号 or 姓名, 金额（元）, 交易日期. Each line is matched to a member and to their oldest
/// unpaid months whose amounts add up exactly to it (at most 6 months back and only months owed by now); a line that
/// matches nothing is listed with the reason and not recorded.
/// </summary>
public static class StatementSheet
{
    public const string Number = "党员编号", Name = "姓名", Amount = "金额（元）", Date = "交易日期";
    public static readonly string[] Columns = [Number, Name, Amount, Date];

    /// <summary>A line read: the member, amount and date, or why it was not.</summary>
    public sealed record Line(int Row, SheetMember? Member, decimal? Amount, DateOnly? Date, SheetProblem? Problem);

    public static List<Line> Read(IReadOnlyList<IDictionary<string, object?>> rows, IReadOnlyCollection<SheetMember> members)
    {
        var lines = new List<Line>();
        for (var i = 0; i < rows.Count && i < SheetCells.MaxRows; i++)
        {
            var row = i + 2;
            var r = rows[i];
            if (r.Values.All(v => v is null || Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim().Length == 0)) continue;
            var problems = new List<SheetProblem>();
            var member = SheetCells.Member(r, row, Number, Name, members, problems);
            var amount = SheetCells.Number(r, Amount, out var badAmount);
            if (badAmount || amount is not > 0) problems.Add(new(row, Amount, "The amount is not a number above 0."));
            var date = SheetCells.Date(r, Date, out var badDate);
            if (badDate || date is null) problems.Add(new(row, Date, "The date cannot be read (e.g. 2026-05-13)."));
            lines.Add(new(row, member, amount, date, problems.FirstOrDefault()));
        }
        return lines;
    }

    /// <summary>
    /// The months a payment of <paramref name="amount"/> on <paramref name="date"/> covers: the oldest unpaid months owed,
    /// from at most 6 months back, in a row, whose amounts add up to it exactly; null when none do.
    /// </summary>
    public static IReadOnlyList<DateOnly>? Match(decimal amount, DateOnly date, DuesSchedule schedule, IReadOnlySet<DateOnly> paid)
    {
        var paymentMonth = Months.Of(date);
        var earliest = paymentMonth.AddMonths(-PaymentRules.MaxBackMonths);
        if (schedule.FirstMonth is { } joined && joined > earliest) earliest = joined;
        // The oldest owed month not paid, then consecutive unpaid months up to the month of payment.
        var candidates = Months.From(earliest, paymentMonth).Where(m => !paid.Contains(m) && schedule.Owed(m) is > 0m).ToList();
        if (candidates.Count == 0) return null;
        var months = new List<DateOnly>();
        var sum = 0m;
        foreach (var m in candidates)
        {
            if (months.Count > 0 && m != months[^1].AddMonths(1)) break;
            months.Add(m);
            sum += schedule.Owed(m)!.Value;
            if (sum == amount) return months;
            if (sum > amount) return null;
        }
        return null;
    }
}
