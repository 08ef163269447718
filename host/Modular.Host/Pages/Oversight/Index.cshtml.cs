using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Modular.Host.Localization;
using Modular.Host.Oversight;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight;

/// <summary>The organ work committee's overview: every agency × the indicators they share, with their lights; Excel export. Audited.</summary>
public sealed class IndexModel(IndicatorCollector collector, IAuditLog audit, IAgencyClock clock, IText text) : PageModel
{
    public IndicatorMatrix Matrix { get; private set; } = null!;
    public string PeriodQuery => OversightView.Query(Matrix.Period);

    public async Task OnGetAsync(string? period, CancellationToken ct)
    {
        Matrix = await collector.MatrixAsync(OversightView.Period(period, clock.Today), ct);
        await audit.WriteAsync("oversight.view", "Oversight", "overview " + OversightView.Query(Matrix.Period), true, ct);
    }

    public async Task<IActionResult> OnGetExcelAsync(string? period, CancellationToken ct)
    {
        var matrix = await collector.MatrixAsync(OversightView.Period(period, clock.Today), ct);
        await audit.WriteAsync("oversight.export", "Oversight", "overview " + OversightView.Query(matrix.Period), true, ct);
        return File(Excel(matrix, text), OfficeFiles.ExcelContentType, $"各单位党建指标-{OversightView.Query(matrix.Period)}.xlsx");
    }

    /// <summary>One row per agency (figures and their lights in words); a second sheet holds the rules.</summary>
    public static byte[] Excel(IndicatorMatrix matrix, IText text)
    {
        var rows = matrix.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { [text["Agency"]] = r.Name };
            foreach (var c in matrix.Columns)
            {
                var v = r.Of(c.Definition.Key);
                row[$"{c.Definition.Name.Current}（{c.Definition.Unit.Current}）"] = v?.Value;
                row[$"{c.Definition.Name.Current}-{text["State"]}"] = v is null ? "—" : text[OversightView.Word(v.Light)];
            }
            return row;
        }).ToList();
        var rules = matrix.Columns.Select(c => new Dictionary<string, object?>
        {
            [text["Indicator"]] = c.Definition.Name.Current, [text["Unit"]] = c.Definition.Unit.Current, [text["Rule"]] = c.Definition.Rule.Current,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [OversightView.Label(matrix.Period)] = rows.Count > 0 ? rows : [new Dictionary<string, object?> { [text["Agency"]] = "—" }],
            [text["Rules"]] = rules.Count > 0 ? rules : [new Dictionary<string, object?> { [text["Indicator"]] = "—" }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
