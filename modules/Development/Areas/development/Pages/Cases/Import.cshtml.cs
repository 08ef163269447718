using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages.Cases;

/// <summary>
/// Imports people already on the way from the Excel template: every problem listed by row and column, nothing imported
/// on any. For those who work on cases, each for the people of their branches.
/// </summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class ImportModel(DevelopmentAccess access, CaseImport import, IStringLocalizer<DevelopmentModule> T) : PageModel
{
    // Named for the form field; hides PageModel.File(...), used below through base.
    [BindProperty] public new IFormFile? File { get; set; }
    public IReadOnlyList<SheetProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await access.WorksOnCasesAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        await access.WorksOnCasesAsync(ct) ? base.File(await import.TemplateAsync(ct), OfficeFiles.ExcelContentType, "发展党员导入模板.xlsx") : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.WorksOnCasesAsync(ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (File is null || File.Length == 0)
        {
            ModelState.AddModelError(nameof(File), T["Choose the Excel file to import."]);
            return Page();
        }
        if (!File.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(File), T["The file cannot be read: use the downloaded template (.xlsx)."]);
            return Page();
        }
        using var copy = new MemoryStream();
        await using (var stream = File.OpenReadStream()) await stream.CopyToAsync(copy, ct);
        copy.Position = 0;
        var outcome = await import.ImportAsync(copy, ct);
        if (outcome.Problems.Count > 0)
        {
            Problems = outcome.Problems;
            ModelState.AddModelError(nameof(File), T["Nothing was imported: correct the {0} problems below and import the file again.", outcome.Problems.Count]);
            return Page();
        }
        return this.RedirectWithMessage(T["{0} people imported.", outcome.Imported], "/Index");
    }

    public string Message(SheetProblem p) => T[p.Message, p.Args!].Value;
}
