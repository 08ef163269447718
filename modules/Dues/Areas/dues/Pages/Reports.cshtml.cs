using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>
/// The office's figures: per branch for a month (owed, paid, behind, received) and for the year, with the year as an Excel
/// sheet laid out as a higher committee's 党费收缴情况统计表 asks (one row per branch and a total).
/// </summary>
[RequirePermission(DuesModule.ManagePermission)]
public sealed class ReportsModel(DuesFigures figures, ICurrentAgency agency, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    public IReadOnlyList<BranchMonth> MonthLines { get; private set; } = [];
    public IReadOnlyList<BranchYear> YearLines { get; private set; } = [];
    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.Today.Year;
    public int ShownMonth => Month is >= 1 and <= 12 ? Month.Value : clock.Today.Month;

    public async Task OnGetAsync(CancellationToken ct)
    {
        MonthLines = await figures.MonthAsync(ShownYear, ShownMonth, ct);
        YearLines = await figures.YearAsync(ShownYear, ct);
    }

    /// <summary>The sheet's columns, in the order the statistics table has them.</summary>
    public static readonly string[] SheetColumns =
        ["序号", "党组织名称", "应交纳党费党员数（人）", "已交清党员数（人）", "欠交党员数（人）", "应交党费（元）", "实交党费（元）", "欠交党费（元）", "上缴党费（元）", "留存使用（元）", "备注"];

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var lines = await figures.YearAsync(ShownYear, ct);
        var rows = new List<IDictionary<string, object?>>();
        var n = 0;
        foreach (var l in lines)
            rows.Add(Row(l.Branch is null ? "" : (++n).ToString(), l.Branch?.Name ?? "机关党委（全单位）", l.Payers, l.PaidUp, l.Behind, l.Expected, l.Paid, l.HandedUp, l.Kept,
                l.Branch is null ? "全单位统一上缴和使用" : ""));
        rows.Add(Row("", "合计", lines.Sum(l => l.Payers), lines.Sum(l => l.PaidUp), lines.Sum(l => l.Behind), lines.Sum(l => l.Expected), lines.Sum(l => l.Paid),
            lines.Sum(l => l.HandedUp), lines.Sum(l => l.Kept), $"{agency.Name} {ShownYear}年（截至{clock.Today:yyyy-MM-dd}）"));
        return File(ExcelSheet.Write(rows), OfficeFiles.ExcelContentType, $"{ShownYear}年党费收缴情况统计表.xlsx");
    }

    private static Dictionary<string, object?> Row(string no, string name, int payers, int paidUp, int behind, decimal expected, decimal paid, decimal handedUp, decimal kept, string note)
    {
        object?[] values = [no, name, payers, paidUp, behind, expected, paid, expected - paid, handedUp, kept, note];
        return SheetColumns.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }
}
