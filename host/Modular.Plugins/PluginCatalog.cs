using System.Reflection;
using Modular.Sdk;

namespace Modular.Plugins;

/// <summary>
/// The plugins of the plugins folder and what became of each (<see cref="PluginCatalogLoader"/> fills it at start):
/// the running ones in dependency order, the refused ones with the reason.
/// </summary>
public sealed class PluginCatalog
{
    private List<PluginDescriptor> _plugins = [];
    private readonly Lock _addLock = new();

    public string PluginsPath { get; }
    // Copy-on-write: a plugin installed while the portal runs is added without disturbing requests that enumerate.
    public IReadOnlyList<PluginDescriptor> All => _plugins;
    public IEnumerable<PluginDescriptor> Running => _plugins.Where(p => p.IsRunning).OrderBy(p => p.Order);

    /// <summary>Adds a plugin that was loaded, registered and migrated while the portal runs (live plugins).</summary>
    public void AddLive(PluginDescriptor plugin)
    {
        lock (_addLock)
        {
            plugin.Order = _plugins.Count == 0 ? 0 : _plugins.Max(p => p.Order) + 1;
            _plugins = [.. _plugins.Where(p => p.Folder != plugin.Folder), plugin];
        }
    }

    public PluginCatalog(string pluginsPath) => PluginsPath = pluginsPath;

    public PluginDescriptor? Find(string id) => Find(id.AsSpan());

    /// <summary>The running plugin of that id (a part of a longer string, such as a permission's "module." prefix), without allocating.</summary>
    public PluginDescriptor? Find(ReadOnlySpan<char> id)
    {
        var plugins = _plugins;
        for (var i = 0; i < plugins.Count; i++)
            if (plugins[i] is { Manifest: not null, IsRunning: true } plugin && id.SequenceEqual(plugin.Id)) return plugin;
        return null;
    }

    public PluginDescriptor? FindByAssembly(Assembly assembly) =>
        _plugins.FirstOrDefault(p => p.IsRunning && p.Assembly == assembly);

    public bool IsRunning(string id) => Find(id) is not null;

    /// <summary>Reads every plugin folder (dot folders such as ".staged" hold packages waiting for the next start) and refuses duplicates, plugins for another SDK and missing dependencies; the rest in dependency order.</summary>
    internal IReadOnlyList<PluginDescriptor> Discover()
    {
        if (!Directory.Exists(PluginsPath)) return [];
        foreach (var folder in Directory.GetDirectories(PluginsPath).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            _plugins.Add(PluginDescriptor.Read(folder));
        }
        RefuseDuplicates();
        CheckSdkAndDependencies();
        return OrderByDependencies();
    }

    private void RefuseDuplicates()
    {
        // The folder named after the id wins; otherwise the first folder in ordinal order.
        foreach (var group in _plugins.Where(p => p.Manifest is not null).GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            var winner = group.OrderBy(p => p.FolderName == p.Id ? 0 : 1).ThenBy(p => p.FolderName, StringComparer.Ordinal).First();
            foreach (var loser in group.Where(p => p != winner))
            {
                loser.Fail($"模块标识“{loser.Id}”与目录“{winner.FolderName}”中的插件重复。");
            }
        }
    }

    private void CheckSdkAndDependencies()
    {
        foreach (var p in _plugins.Where(p => p.IsRunning))
        {
            if (!p.Manifest!.ParsedSdkRange.Includes(SdkInfo.Version))
                p.Fail($"插件要求 SDK {p.Manifest.ParsedSdkRange}，本平台提供 SDK {SdkInfo.Version}。");
        }
        // A dependency may fail for its own reasons: repeat until nothing changes.
        bool changed;
        do
        {
            changed = false;
            foreach (var p in _plugins.Where(p => p.IsRunning))
            {
                foreach (var dep in p.Manifest!.Dependencies)
                {
                    var target = _plugins.FirstOrDefault(x => x.Manifest is not null && x.Id == dep.Id && x.IsRunning);
                    if (target is null)
                    {
                        var present = _plugins.Any(x => x.Manifest is not null && x.Id == dep.Id);
                        p.Fail(present ? $"依赖的模块“{dep.Id}”未能加载。" : $"缺少依赖的模块“{dep.Id}”。");
                    }
                    else if (dep.Version is not null && !VersionRange.Parse(dep.Version).Includes(target.Manifest!.ParsedVersion))
                    {
                        p.Fail($"依赖的模块“{dep.Id}”版本为 {target.Manifest.Version}，不在要求的范围 {VersionRange.Parse(dep.Version)} 内。");
                    }
                    if (!p.IsRunning) { changed = true; break; }
                }
            }
        } while (changed);
    }

    /// <summary>Kahn's algorithm; plugins caught in a cycle are refused.</summary>
    private List<PluginDescriptor> OrderByDependencies()
    {
        var pending = _plugins.Where(p => p.IsRunning).ToList();
        var ordered = new List<PluginDescriptor>();
        var placed = new HashSet<string>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(p => p.Manifest!.Dependencies.All(d => placed.Contains(d.Id)))
                .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                foreach (var p in pending) p.Fail("模块之间存在循环依赖：" + string.Join("、", pending.Select(x => x.Id)) + "。");
                break;
            }
            foreach (var p in ready)
            {
                p.Order = ordered.Count;
                ordered.Add(p);
                placed.Add(p.Id);
                pending.Remove(p);
            }
        }
        return ordered;
    }

    /// <summary>Fails a plugin and every running plugin that depends on it, directly or not.</summary>
    public void FailWithDependents(PluginDescriptor plugin, string reason)
    {
        plugin.Fail(reason);
        bool changed;
        do
        {
            changed = false;
            foreach (var p in Running.ToList())
            {
                var broken = p.Manifest!.Dependencies.FirstOrDefault(d => !IsRunning(d.Id));
                if (broken is null) continue;
                p.Fail($"依赖的模块“{broken.Id}”未能加载。");
                changed = true;
            }
        } while (changed);
    }
}
