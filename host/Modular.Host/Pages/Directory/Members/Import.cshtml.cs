using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Auditing;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

[RequestSizeLimit(10 * 1024 * 1024)]
public sealed class ImportModel(MemberImport import, DirectoryService directory, AuditLog audit, IText text) : PageModel
{
    public IReadOnlyList<MemberImport.Problem> Problems { get; private set; } = [];
    public string? FileError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await MayImportAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        await MayImportAsync(ct)
            ? File(MemberImport.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "党员名册导入模板.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await MayImportAsync(ct)) return NotFound();
        if (file is null || file.Length == 0)
        {
            FileError = text["Choose the Excel file to import."];
            return Page();
        }
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            FileError = text["Only .xlsx files (Excel 2007 or later) can be imported."];
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await import.ImportAsync(stream, await directory.GetCurrentScopeAsync(ct), ct);
        await audit.WriteAsync("member.import", "Members", outcome.Problems.Count == 0 ? $"{outcome.Imported} rows" : $"refused, {outcome.Problems.Count} problems", outcome.Problems.Count == 0, ct);
        if (outcome.Problems.Count > 0)
        {
            Problems = outcome.Problems;
            return Page();
        }
        return this.RedirectWithMessage(text["{0} members were imported.", outcome.Imported], "Index");
    }

    private async Task<bool> MayImportAsync(CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        return scope.AgencyWide || scope.OrganizationIds.Count > 0;
    }
}
