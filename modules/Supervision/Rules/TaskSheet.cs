using System.Globalization;

namespace Modular.Modules.Supervision.Rules;

/// <summary>A problem of an imported sheet: its row (1 is the header, 0 the whole file) and column, an English message key.</summary>
public sealed record SheetProblem(int Row, string Column, string Message, params object[] Args);

/// <summary>
/// Checks the rows of the yearly task list's Excel sheet (one task a row; the header is row 1) by the task form's rules
/// (<see cref="TaskRules.Check"/>), owners named as in the directory. Every problem is reported by row and column; the
/// caller imports nothing unless there is none. Record-proved tasks are set on the task's page, not in the sheet.
/// </summary>
public static class TaskSheet
{
    public const string Title = "任务", Source = "任务来源", Organization = "责任单位", Owner = "责任人", Deadline = "完成时限", Evidence = "佐证材料要求";
    public static readonly string[] Columns = [Title, Source, Organization, Owner, Deadline, Evidence];
    public static readonly string[] Required = [Title, Deadline];
    public const int MaxRows = 300;

    public sealed record Row(int Line, TaskRules.Input Input);
    public sealed record Outcome(IReadOnlyList<Row> Rows, IReadOnlyList<SheetProblem> Problems);

    // The form's fields as the sheet's columns.
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        ["Title"] = Title, ["Source"] = Source, ["OwnerOrganizationId"] = Organization, ["OwnerMemberId"] = Owner, ["Deadline"] = Deadline, ["EvidenceWanted"] = Evidence,
    };

    /// <param name="organizationsByName">The agency's organisations by name (several ids when names repeat).</param>
    /// <param name="membersByName">The agency's members on the roster by name (several ids when names repeat).</param>
    public static Outcome Check(IReadOnlyList<IDictionary<string, object?>> rows, int year,
        IReadOnlyDictionary<string, IReadOnlyList<int>> organizationsByName, IReadOnlyDictionary<string, IReadOnlyList<int>> membersByName)
    {
        if (rows.Count == 0) return new([], [new SheetProblem(0, "", "The file has no data rows.")]);
        if (rows.Count > MaxRows) return new([], [new SheetProblem(0, "", "At most {0} rows can be imported at a time.", MaxRows)]);
        var missing = Required.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return new([], [new SheetProblem(1, string.Join("、", missing), "Required columns are missing: use the downloaded template.")]);

        var problems = new List<SheetProblem>();
        var result = new List<Row>();
        var seen = new Dictionary<string, int>();
        var organizations = organizationsByName.Values.SelectMany(v => v).ToHashSet();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var r = rows[i];
            string? Cell(string column) => r.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } s ? s : null;
            void Fail(string column, string message, params object[] args) => problems.Add(new SheetProblem(line, column, message, args));
            // Blank lines between filled ones are skipped, as people leave them in sheets.
            if (Columns.All(c => Cell(c) is null)) continue;

            var before = problems.Count;
            int? organization = null, owner = null;
            if (Cell(Organization) is { } orgName)
            {
                if (!organizationsByName.TryGetValue(orgName, out var ids) || ids.Count == 0) Fail(Organization, "No organisation named “{0}” in this agency.", orgName);
                else if (ids.Count > 1) Fail(Organization, "More than one organisation is named “{0}”: leave the cell empty and choose it on the task's page.", orgName);
                else organization = ids[0];
            }
            if (Cell(Owner) is { } ownerName)
            {
                if (!membersByName.TryGetValue(ownerName, out var ids) || ids.Count == 0) Fail(Owner, "No member named “{0}” in this agency.", ownerName);
                else if (ids.Count > 1) Fail(Owner, "More than one member is named “{0}”: leave the cell empty and choose the owner on the task's page.", ownerName);
                else owner = ids[0];
            }
            var (deadline, unreadable) = Date(r.TryGetValue(Deadline, out var dv) ? dv : null, Cell(Deadline));
            var input = new TaskRules.Input(Cell(Title), Cell(Source), organization, owner, deadline, unreadable, Cell(Evidence), null, null, null, null, false);
            // A name not found is said once: the form's "choose an owner" would only repeat it.
            var named = Cell(Organization) is not null || Cell(Owner) is not null;
            foreach (var p in TaskRules.Check(input, year, organizations, owner is not null, new HashSet<string>()))
                if (!(named && p.Field == "OwnerOrganizationId" && input is { OwnerOrganizationId: null, OwnerMemberId: null }))
                    Fail(ColumnOf.GetValueOrDefault(p.Field, ""), p.Message, p.Args);
            if (input.Title is { } title)
            {
                if (seen.TryGetValue(title, out var first)) Fail(Title, "The same task as row {0}.", first);
                else seen[title] = line;
            }
            if (problems.Count == before) result.Add(new Row(line, input));
        }
        if (problems.Count == 0 && result.Count == 0) problems.Add(new SheetProblem(0, "", "The file has no data rows."));
        return new(problems.Count > 0 ? [] : result, problems);
    }

    /// <summary>A date cell: an Excel date, a serial number, or text like 2026-06-30; unreadable when given but not understood.</summary>
    private static (DateOnly? Date, bool Unreadable) Date(object? value, string? text)
    {
        if (text is null) return (null, false);
        DateOnly? date = value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            double serial when serial is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        };
        return date is { Year: >= 2000 and <= 2100 } ? (date, false) : (null, true);
    }
}
