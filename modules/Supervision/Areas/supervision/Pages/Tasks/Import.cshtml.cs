using Microsoft.AspNetCore.Http;

namespace Modular.Modules.Supervision.Pages.Tasks;

/// <summary>Imports the year's task list from the Excel template: every row checked, problems by row and column, nothing imported unless all rows are valid.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class ImportModel(TaskImport import, IAgencyClock clock, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<SheetProblem> Problems { get; private set; } = [];

    public void OnGet() => Year = SaneDates.SaneYear(Year) ?? clock.Today.Year;

    public FileContentResult OnGetTemplate()
    {
        Year = SaneDates.SaneYear(Year) ?? clock.Today.Year;
        return File(TaskImport.Template(Year.Value), TaskImport.ContentType, $"{Year}年度任务清单导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Year = SaneDates.SaneYear(Year) ?? clock.Today.Year;
        if (Upload is not { Length: > 0 }) ModelState.AddModelError(nameof(Upload), T["Choose the Excel file (.xlsx)."]);
        else if (Upload.Length > 10 * 1024 * 1024) ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} MB.", 10]);
        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var outcome = await import.ImportAsync(Year.Value, stream, ct);
            if (outcome.Problems.Count == 0) return this.RedirectWithMessage(T["{0} tasks were imported.", outcome.Imported], "/Index", new { year = Year });
            Problems = outcome.Problems;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
