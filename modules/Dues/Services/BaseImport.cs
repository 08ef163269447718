namespace Modular.Modules.Dues.Services;

/// <summary>Imports bases from an Excel sheet for one year: every row is checked first, and nothing is saved unless all are valid.</summary>
public sealed class BaseImport(DuesDbContext db, DuesAccess access, IAgencyClock clock)
{
    public sealed record Outcome(int Imported, IReadOnlyList<SheetProblem> Problems);

    public static byte[] Template()
    {
        var rows = new[]
        {
            Example("", "张三", "在职", 6500m),
            Example("", "李四", "离退休", 4800m),
            Example("", "王五", "学生", null),
        };
        return ExcelSheet.Write(rows);
    }

    private static Dictionary<string, object?> Example(string number, string name, string category, decimal? value) => new()
    {
        [BaseSheet.Number] = number, [BaseSheet.Name] = name, [BaseSheet.Category] = category, [BaseSheet.Base] = value,
    };

    public async Task<Outcome> ImportAsync(int year, Stream file, CancellationToken ct)
    {
        if (ExcelSheet.Read(file) is not { } rows) return new Outcome(0, [ExcelSheet.Unreadable]);
        var payers = await access.AllPayersAsync(ct);
        var members = payers.Select(p => new SheetMember(p.Member.Id, p.Member.Name)).ToList();
        var recorded = (await db.Bases.AsNoTracking().Select(b => new { b.MemberId, b.Year }).ToListAsync(ct))
            .GroupBy(b => b.MemberId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(b => b.Year).ToList());
        var (good, problems) = BaseSheet.Check(rows, members, recorded, year, clock.Today);
        if (problems.Count > 0) return new Outcome(0, problems);
        var existing = await db.Bases.Where(b => b.Year == year).ToDictionaryAsync(b => b.MemberId, ct);
        foreach (var r in good)
        {
            if (!existing.TryGetValue(r.MemberId, out var row)) db.Bases.Add(row = new DuesBase { MemberId = r.MemberId, Year = year });
            row.Category = r.Category;
            row.Base = r.Base;
            row.Rate = DuesRates.Rate(r.Category, r.Base ?? 0m);
            row.Monthly = DuesRates.Monthly(r.Category, r.Base);
            row.UpdatedAt = clock.UtcNow.UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return new Outcome(good.Count, []);
    }
}
