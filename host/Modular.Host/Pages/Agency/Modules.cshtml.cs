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
        var outcome = await switchboard.SwitchAsync(id, moduleId, enable, ct);
        if (!outcome.Done) return NotFound();
        if (outcome.DemoDataFailed.Count > 0) this.ShowError(text["The demo data of {0} could not be added; see the portal's log.", string.Join("、", outcome.DemoDataFailed)]);
        return this.RedirectWithMessage(enable ? text["The module is on."] : text["The module is off. Its records are kept."]);
    }
}
