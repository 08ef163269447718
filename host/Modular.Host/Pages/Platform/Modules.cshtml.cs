using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Plugins;

namespace Modular.Host.Pages.Platform;

public sealed class ModulesModel(PluginCatalog catalog, HostDbContext db) : PageModel
{
    public string PluginsPath => catalog.PluginsPath;
    public IReadOnlyList<PluginDescriptor> Plugins { get; private set; } = [];
    public Dictionary<string, int> Usage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plugins = catalog.All.OrderBy(p => p.IsRunning ? 0 : 1).ThenBy(p => p.Order).ThenBy(p => p.FolderName).ToList();
        Usage = await db.AgencyModules.AsNoTracking().Where(m => m.Allowed && m.Enabled)
            .GroupBy(m => m.ModuleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
