using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Modular.Host.Data;
using Modular.Plugins;

namespace Modular.Host.Tenancy;

/// <summary>
/// The one place that decides whether a module is on for an agency: the plugin must be running,
/// allowed by the platform and switched on by the agency. Answers are cached briefly per agency
/// and dropped when a switch changes on this or another instance (<see cref="ModuleSwitchWatcher"/>).
/// </summary>
public sealed class ModuleGate(PluginCatalog catalog, IServiceScopeFactory scopes, ModuleSwitchWatcher switches)
{
    private const long LifetimeMs = 30_000;

    // Asked for every menu item and permission of every page: a table of its own, read without allocating (a memory
    // cache entry's string key and closure per question were half the menu's cost).
    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    private sealed record Entry(HashSet<string> On, long ExpiresAt, IChangeToken Switches);

    public bool IsEnabled(int? agencyId, string moduleId) =>
        agencyId is { } id && catalog.IsRunning(moduleId) && EnabledFor(id).Contains(moduleId);

    /// <summary>Running modules switched on for the agency, in dependency order.</summary>
    public IReadOnlyList<PluginDescriptor> EnabledPlugins(int? agencyId)
    {
        if (agencyId is not { } id) return [];
        var on = EnabledFor(id);
        return catalog.Running.Where(p => on.Contains(p.Id)).ToList();
    }

    private HashSet<string> EnabledFor(int agencyId)
    {
        if (_entries.TryGetValue(agencyId, out var entry) && Environment.TickCount64 < entry.ExpiresAt && !entry.Switches.HasChanged) return entry.On;
        // The token first: a switch changed while reading leaves an entry already expired, not a stale one kept.
        var token = switches.Token;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var switchedOn = db.AgencyModules.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.Allowed && m.Enabled)
            .Select(m => m.ModuleId)
            .ToHashSet();
        var on = Effective(switchedOn);
        _entries[agencyId] = new Entry(on, Environment.TickCount64 + LifetimeMs, token);
        return on;
    }

    /// <summary>A module whose dependency is off for the agency is off too (dependencies come first in order).</summary>
    private HashSet<string> Effective(HashSet<string> switchedOn)
    {
        var on = new HashSet<string>();
        foreach (var plugin in catalog.Running)
        {
            if (switchedOn.Contains(plugin.Id) && plugin.Manifest!.Dependencies.All(d => on.Contains(d.Id))) on.Add(plugin.Id);
        }
        return on;
    }
}
