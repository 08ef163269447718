using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Modules;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform.Agencies;

public sealed class ModulesModel(HostDbContext db, ModuleSwitchboard switchboard, IText text) : PageModel
{
    public string AgencyName { get; private set; } = "";
    public IReadOnlyList<ModuleSwitchboard.Row> Rows { get; private set; } = [];

    public sealed record Choice(string ModuleId, bool Value);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var agency = await db.Agencies.FindAsync([id], ct);
        if (agency is null) return NotFound();
        AgencyName = agency.Name;
        Rows = await switchboard.RowsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, List<Choice> allowed, CancellationToken ct)
    {
        if (await db.Agencies.FindAsync([id], ct) is null) return NotFound();
        var chosen = allowed.Where(c => c.Value).Select(c => c.ModuleId).ToHashSet();
        var offered = allowed.Select(c => c.ModuleId).ToList();
        var demoDataFailed = await switchboard.SetAllowedAsync(id, offered, chosen, ct);
        if (demoDataFailed.Count > 0) this.ShowError(text["The demo data of {0} could not be added; see the portal's log.", string.Join("、", demoDataFailed)]);
        return this.RedirectWithMessage(text["Saved."], null, new { id });
    }
}
