using Microsoft.AspNetCore.Http;

namespace Modular.Modules.Study.Pages.Questions;

/// <summary>Imports questions from the Excel template: every row checked, problems by row and column, nothing imported unless all rows are valid.</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class ImportModel(QuestionBank bank, IStringLocalizer<StudyModule> T) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<SheetProblem> Problems { get; private set; } = [];

    public void OnGet() { }

    public FileContentResult OnGetTemplate() => File(QuestionBank.Template(), ExcelSheet.ContentType, "题库导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Upload is not { Length: > 0 }) ModelState.AddModelError(nameof(Upload), T["Choose the Excel file (.xlsx)."]);
        else if (Upload.Length > 10 * 1024 * 1024) ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} MB.", 10]);
        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var outcome = await bank.ImportAsync(stream, ct);
            if (outcome.Problems.Count == 0) return this.RedirectWithMessage(T["{0} questions were imported.", outcome.Imported], "/Questions/Index");
            Problems = outcome.Problems;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
