using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Modules;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Pages.Agency;

public sealed class ModuleSettingsModel(HostDbContext db, PluginCatalog catalog, ICurrentAgency agency, ModuleSettingsService settings, IText text, IAgencyClock clock) : PageModel
{
    public string ModuleName { get; private set; } = "";
    public IReadOnlyList<ModuleSettingDefinition> Definitions { get; private set; } = [];
    public Dictionary<string, string> Values { get; private set; } = [];
    public long Version { get; private set; }

    private async Task<AgencyModule?> LoadAsync(string moduleId, CancellationToken ct)
    {
        var plugin = catalog.Find(moduleId);
        if (plugin is null || plugin.Settings.Count == 0 || agency.Id is not { } id) return null;
        var row = await db.AgencyModules.FirstOrDefaultAsync(m => m.AgencyId == id && m.ModuleId == moduleId && m.Allowed, ct);
        if (row is null) return null;
        ModuleName = plugin.Name.Current;
        Definitions = plugin.Settings;
        Values = ModuleSettingsService.Parse(row.SettingsJson);
        Version = row.Version;
        return row;
    }

    public async Task<IActionResult> OnGetAsync(string moduleId, CancellationToken ct) =>
        await LoadAsync(moduleId, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string moduleId, Dictionary<string, string> values, long version, CancellationToken ct)
    {
        var row = await LoadAsync(moduleId, ct);
        if (row is null) return NotFound();
        var cleaned = new Dictionary<string, string>();
        foreach (var d in Definitions)
        {
            values.TryGetValue(d.Key, out var v);
            v = v?.Trim() ?? "";
            var error = ModuleSettingsService.Validate(d, v);
            if (error is not null) ModelState.AddModelError($"values[{d.Key}]", error);
            cleaned[d.Key] = d.Kind == SettingKind.Boolean ? (bool.TryParse(v, out var b) && b ? "true" : "false") : v;
        }
        if (!ModelState.IsValid)
        {
            Values = cleaned; // keep what the user typed
            return Page();
        }
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.SettingsJson = JsonSerializer.Serialize(cleaned);
        row.UpdatedAt = clock.UtcNow;
        if (!await this.TrySaveAsync(db, ct))
        {
            Values = cleaned;
            return Page();
        }
        settings.Invalidate();
        return this.RedirectWithMessage(text["Saved."], "Modules");
    }
}
