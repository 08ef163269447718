using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Modules;
using Modular.Sdk;

namespace Modular.Host.Pages.Agency;

public sealed class ModulesModel(ModuleSwitchboard switchboard, ICurrentAgency agency, IText text) : PageModel
{
    public IReadOnlyList<ModuleSwitchboard.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (agency.Id is not { } id) return NotFound();
        Rows = (await switchboard.RowsAsync(id, ct)).Where(r => r.Allowed).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(string moduleId, bool enable, CancellationToken ct)
    {
        if (agency.Id is not { } id) return NotFound();
        if (!await switchboard.SetEnabledAsync(id, moduleId, enable, ct)) return NotFound();
        TempData["Message"] = enable ? text["The module is on."] : text["The module is off. Its records are kept."];
        return RedirectToPage();
    }
}
