using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages.Bases;

/// <summary>Imports the bases of one year from Excel: every row checked, problems by row and column, nothing imported unless all rows are valid.</summary>
[RequirePermission(DuesModule.ManagePermission)]
public sealed class ImportModel(BaseImport import, DuesDbContext db, IAgencyClock clock, IStringLocalizer<DuesModule> T) : PageModel
{
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<SheetProblem> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Year = BaseRules.DefaultYear(clock.Today, await db.Bases.AnyAsync(b => b.Year == clock.Today.Year, ct));

    public FileContentResult OnGetTemplate() => File(BaseImport.Template(), OfficeFiles.ExcelContentType, "党费基数导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var today = clock.Today;
        if (Year is not { } year || year < today.Year - 1 || year > today.Year + 1)
            ModelState.AddModelError(nameof(Year), T["A base is entered for last year, this year or next year ({0} to {1}).", today.Year - 1, today.Year + 1]);
        if (Upload is not { Length: > 0 }) ModelState.AddModelError(nameof(Upload), T["Choose the Excel file (.xlsx)."]);
        else if (Upload.Length > 10 * 1024 * 1024) ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} MB.", 10]);
        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var outcome = await import.ImportAsync(Year!.Value, stream, ct);
            if (outcome.Problems.Count == 0) return this.RedirectWithMessage(T["{0} bases for {1} were imported.", outcome.Imported, Year], "/Index");
            Problems = outcome.Problems;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
