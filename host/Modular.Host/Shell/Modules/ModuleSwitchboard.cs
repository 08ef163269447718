using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Tenancy;
using Modular.Plugins;

namespace Modular.Host.Shell.Modules;

/// <summary>
/// Writes the platform's and the agency's module switches; caches of switches are dropped after each change. A module that
/// comes on in a demo agency gets its demo data then (<see cref="ModuleDemoData"/>).
/// </summary>
public sealed class ModuleSwitchboard(HostDbContext db, PluginCatalog catalog, ModuleGate gate, ModuleSwitchWatcher switches, ModuleDemoData demoData, TimeProvider clock)
{
    /// <param name="Done">False when refused: the module is not running or not allowed for the agency.</param>
    /// <param name="DemoDataFailed">Names of modules that came on but whose demo data failed (logged).</param>
    public sealed record Outcome(bool Done, IReadOnlyList<string> DemoDataFailed);

    /// <param name="WaitingFor">Names of modules this one depends on that are off, so it stays off too.</param>
    public sealed record Row(string ModuleId, string Name, string Version, string? Vendor, string? Description, bool Allowed, bool Enabled, bool HasSettings, IReadOnlyList<string> WaitingFor);

    /// <summary>Every running module with this agency's switches (missing rows read as not allowed).</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(int agencyId, CancellationToken ct)
    {
        var rows = await db.AgencyModules.AsNoTracking().Where(m => m.AgencyId == agencyId).ToDictionaryAsync(m => m.ModuleId, ct);
        var effective = gate.EnabledPlugins(agencyId).Select(p => p.Id).ToHashSet();
        return catalog.Running.Select(p =>
        {
            rows.TryGetValue(p.Id, out var r);
            var waiting = p.Manifest!.Dependencies.Where(d => !effective.Contains(d.Id))
                .Select(d => catalog.Find(d.Id)?.Name.Current ?? d.Id).ToList();
            return new Row(p.Id, p.Name.Current, p.Manifest.Version, p.Manifest.Vendor, p.Manifest.Description?.Current,
                r?.Allowed ?? false, r?.Enabled ?? false, p.Settings.Count > 0, waiting);
        }).ToList();
    }

    /// <summary>
    /// The platform's decision. A newly allowed module starts switched off; the agency turns it on (one allowed again that
    /// the agency had on comes on: its demo data is seeded then). Names of modules whose demo data failed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetAllowedAsync(int agencyId, IEnumerable<string> offered, ISet<string> allowed, CancellationToken ct)
    {
        foreach (var moduleId in offered.Where(catalog.IsRunning).Distinct())
        {
            var row = await GetOrAddAsync(agencyId, moduleId, ct);
            row.Allowed = allowed.Contains(moduleId);
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        switches.Changed();
        return await demoData.SeedModulesAsync(agencyId, ct);
    }

    /// <summary>The agency's decision; refused (false) for a module the platform has not allowed.</summary>
    public async Task<bool> SetEnabledAsync(int agencyId, string moduleId, bool enabled, CancellationToken ct) =>
        (await SwitchAsync(agencyId, moduleId, enabled, ct)).Done;

    /// <summary>
    /// The agency's decision, refused for a module the platform has not allowed. Turning a module on in a demo agency
    /// seeds its demo data (and that of modules that were waiting for it) once; a failure there does not undo the switch.
    /// </summary>
    public async Task<Outcome> SwitchAsync(int agencyId, string moduleId, bool enabled, CancellationToken ct)
    {
        if (!catalog.IsRunning(moduleId)) return new(false, []);
        var row = await db.AgencyModules.FirstOrDefaultAsync(m => m.AgencyId == agencyId && m.ModuleId == moduleId, ct);
        if (row is null || !row.Allowed) return new(false, []);
        row.Enabled = enabled;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        switches.Changed();
        return new(true, enabled ? await demoData.SeedModulesAsync(agencyId, ct) : []);
    }

    private async Task<AgencyModule> GetOrAddAsync(int agencyId, string moduleId, CancellationToken ct)
    {
        var row = await db.AgencyModules.FirstOrDefaultAsync(m => m.AgencyId == agencyId && m.ModuleId == moduleId, ct);
        if (row is not null) return row;
        row = new AgencyModule { AgencyId = agencyId, ModuleId = moduleId };
        db.AgencyModules.Add(row);
        return row;
    }
}
