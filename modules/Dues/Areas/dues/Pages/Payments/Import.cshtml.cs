using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages.Payments;

/// <summary>Imports a bank statement: lines that match a member's oldest unpaid months are recorded with receipts, the others listed with the reason.</summary>
[RequirePermission(DuesModule.CollectPermission)]
public sealed class ImportModel(StatementImport import, DuesAccess access, IStringLocalizer<DuesModule> T) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public StatementImport.Outcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await access.CollectsAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        await access.CollectsAsync(ct) ? File(StatementImport.Template(), OfficeFiles.ExcelContentType, "银行流水导入模板.xlsx") : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.CollectsAsync(ct)) return NotFound();
        ModelState.Clear();
        if (Upload is not { Length: > 0 }) ModelState.AddModelError(nameof(Upload), T["Choose the Excel file (.xlsx)."]);
        else if (Upload.Length > 10 * 1024 * 1024) ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} MB.", 10]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        Outcome = await import.ImportAsync(stream, ct);
        return Page();
    }
}
