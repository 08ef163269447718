using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Campaigns;

/// <summary>Imports a criteria framework from the Excel template: every problem listed by row and column, nothing imported on any.</summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class ImportModel(CivilizationDbContext db, FrameworkImport import, IStringLocalizer<CivilizationModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    // Named for the form field; hides PageModel.File(...), a result this page never returns.
    [BindProperty] public new IFormFile? File { get; set; }
    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<FrameworkSheet.Problem> Problems { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null) return false;
        Campaign = c;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
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
        await using var stream = File.OpenReadStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        copy.Position = 0;
        var outcome = await import.ImportAsync(Id, copy, ct);
        if (outcome.Problems.Count > 0)
        {
            Problems = outcome.Problems;
            ModelState.AddModelError(nameof(File), T["Nothing was imported: correct the {0} problems below and import the file again.", outcome.Problems.Count]);
            return Page();
        }
        return this.RedirectWithMessage(T["{0} criteria imported.", outcome.Imported], "Details", new { id = Id });
    }

    public string Message(FrameworkSheet.Problem p) => T[p.Message, p.Args].Value;
}
