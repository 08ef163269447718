using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Modular.Plugins.Packages;

/// <summary>
/// Brings packages accepted on another instance to this one while it runs (PostgreSQL only): every
/// <paramref name="signalSeconds"/> (<c>Modular:SignalSeconds</c>), as the module-switch watcher does, it reads the packages table's fingerprint (rows, sum of
/// versions); when it moved, each installed package this instance does not have is checked again from its bytes, unpacked
/// and brought live (its migrations already ran on the instance that accepted it, so they find nothing to do).
/// Upgrades and uninstalls wait for this instance's next start (<see cref="SharedPackages.ApplyAtStartAsync"/>).
/// </summary>
/// <param name="scopes">A scope per tick, for its <see cref="IPackageSession"/> (the host's context).</param>
public sealed class PackageWatcher(IServiceScopeFactory scopes, PluginCatalog catalog, IPluginActivator live, SharedPackages shared, PluginTrustSource trustSource,
    IPackageStore store, int signalSeconds, IPluginAudit audit, StartOutcomes start, TimeProvider time, ILogger<PackageWatcher> logger) : BackgroundService
{
    private (int Rows, long Versions)? _seen;
    /// <summary>Refused here already (at start or by an earlier tick), by id and hash: not tried again until the row changes.</summary>
    private readonly Dictionary<string, string> _refused = start.Refused.ToDictionary(r => r.Key, r => r.Value.Sha256);

    /// <summary>One look at the table; how many packages went live. Public so that tests drive the tick.</summary>
    public async Task<int> SyncOnceAsync(CancellationToken ct = default)
    {
        if (!shared.Enabled) return 0;
        await using (await store.HoldInstallsAsync(ct))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IPackageSession>();
            var rows = await db.Packages.CountAsync(ct);
            var versions = rows == 0 ? 0 : await db.Packages.SumAsync(p => p.Version, ct);
            if (_seen == (rows, versions)) return 0;
            var wanted = await db.Packages.AsNoTracking().Where(p => p.State == PluginPackageStates.Installed)
                .OrderBy(p => p.InstalledAt).Select(p => new { p.PluginId, p.PackageVersion, p.Sha256 }).ToListAsync(ct);
            var installed = 0;
            foreach (var w in wanted)
            {
                if (catalog.All.Any(p => p.Manifest?.Id == w.PluginId)) continue;
                if (_refused.GetValueOrDefault(w.PluginId) == w.Sha256) continue;
                var content = await db.Packages.AsNoTracking().Where(p => p.PluginId == w.PluginId).Select(p => p.Content).SingleAsync(ct);
                var failure = await InstallAsync(w.PluginId, w.PackageVersion, content, w.Sha256, ct);
                db.RecordState(w.PluginId, store.Instance, failure is null ? w.PackageVersion : null, failure, time.GetUtcNow().UtcDateTime);
                await db.SaveAsync(ct);
                var target = "Plugin:" + w.PluginId;
                if (failure is null)
                {
                    installed++;
                    _refused.Remove(w.PluginId);
                    await audit.AppendAsync([new PluginAuditEvent("plugin.instance.installed", target, $"{w.PackageVersion}, {store.Instance}", true, BySystem: true)], ct);
                }
                else
                {
                    _refused[w.PluginId] = w.Sha256;
                    logger.LogWarning("Shared package {Id} {Version} refused on this instance: {Reason}", w.PluginId, w.PackageVersion, failure);
                    await audit.AppendAsync([new PluginAuditEvent("plugin.instance.refused", target, $"{w.PackageVersion}, {store.Instance}: {failure}", false, BySystem: true)], ct);
                }
            }
            _seen = (rows, versions);
            return installed;
        }
    }

    private async Task<string?> InstallAsync(string id, string version, byte[] content, string sha256, CancellationToken ct)
    {
        var trust = await trustSource.CurrentAsync(ct);
        var (inspection, why) = await shared.VerifyAsync(content, sha256, id, version, trust, ct);
        if (inspection is null) return why;
        var missing = inspection.Manifest!.Dependencies.FirstOrDefault(d => !catalog.IsRunning(d.Id));
        if (missing is not null) return $"缺少依赖的模块“{missing.Id}”。";
        var folder = Path.Combine(catalog.PluginsPath, id);
        if (Directory.Exists(folder)) return $"插件目录“{id}”已存在，但其中不是该模块；请先由运维清理。";
        string? failure;
        try
        {
            shared.WriteFolder(id, inspection.FolderFiles);
            failure = await live.ActivateAsync(folder, trust, ct);
        }
        catch (IOException ex)
        {
            failure = "写入插件目录失败：" + ex.Message;
        }
        if (failure is not null && Directory.Exists(folder) && !catalog.IsRunning(id)) Directory.Delete(folder, true);
        return failure;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (signalSeconds <= 0 || !shared.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(signalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SyncOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _seen = null;
                logger.LogWarning(ex, "Could not bring shared plugin packages to this instance");
            }
        }
    }
}
