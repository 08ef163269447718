using Microsoft.EntityFrameworkCore;

namespace Modular.Plugins.Packages;

/// <summary>
/// Several instances on one PostgreSQL database: an accepted package is kept in the database (<see cref="PluginPackage"/>)
/// and every instance brings its own plugins folder to that state — at start (installs, staged upgrades and uninstalls,
/// and what another instance applied before it) and, for new plugins, live through <see cref="PackageWatcher"/>.
/// The bytes are checked again on each instance before anything is unpacked: neither the row nor the folder is trusted alone.
/// On SQLite (one instance) the plugins folder alone holds the state, as before.
/// </summary>
public sealed class SharedPackages(IPackageStore store, PackageInspector inspector, StagedChanges staged, TimeProvider time)
{
    public bool Enabled => store.Shared;

    /// <summary>Checks stored bytes as an upload is checked, and that they are what was accepted; the reason in Chinese, else null.</summary>
    public async Task<(PackageInspection? Inspection, string? Failure)> VerifyAsync(byte[]? content, string? sha256, string id, string? version,
        PluginTrust trust, CancellationToken ct = default)
    {
        if (content is null || content.Length == 0) return (null, "数据库中没有该模块的安装包内容。");
        if (PackageFormat.Sha256Hex(content) != sha256)
            return (null, "数据库中的安装包与接收时记录的 SHA-256 不符（已被改动），本实例拒绝安装。");
        var inspection = await inspector.InspectAsync(new MemoryStream(content), trust, ct);
        if (!inspection.IsValid) return (null, "数据库中的安装包未通过本实例的检查：" + string.Join(" ", inspection.Errors));
        if (inspection.Manifest!.Id != id || inspection.Manifest.Version != version)
            return (null, $"数据库中的安装包是“{inspection.Manifest.Id}” {inspection.Manifest.Version}，与记录的“{id}” {version} 不符，本实例拒绝安装。");
        return (inspection, null);
    }

    /// <summary>The plugins in the folder by manifest id (folder and version), unreadable ones left out.</summary>
    private Dictionary<string, (string Folder, string Version)> Local()
    {
        var pluginsPath = staged.PluginsPath;
        var found = new Dictionary<string, (string, string)>();
        if (!Directory.Exists(pluginsPath)) return found;
        foreach (var dir in Directory.GetDirectories(pluginsPath).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var p = PluginDescriptor.Read(dir);
            if (p.Manifest is { } m && (!found.ContainsKey(m.Id) || p.FolderName == m.Id)) found[m.Id] = (p.FolderName, m.Version);
        }
        return found;
    }

    /// <summary>Writes verified files as plugins/&lt;id&gt;/ (through a temporary name, so a half-written folder never counts).</summary>
    public string WriteFolder(string id, IReadOnlyDictionary<string, byte[]> files)
    {
        var root = Directory.CreateDirectory(staged.Root).FullName;
        var incoming = Path.Combine(root, ".incoming-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(staged.PluginsPath, id);
        staged.WriteFiles(incoming, files);
        Directory.Move(incoming, folder);
        return folder;
    }

    /// <summary>
    /// At start, before any plugin loads: turns the database's state into staged changes of this folder and applies them
    /// (<see cref="StagedChanges.ApplyAtStartAsync"/>), under the advisory lock so that two instances starting together take
    /// turns (the host's tables are migrated before). The first instance to start after a change was staged applies it (runs the migrations) and marks it done;
    /// the others then only bring their folder up to date.
    /// </summary>
    /// <returns>The outcomes, and the packages this instance refused (by id).</returns>
    public async Task<(List<PackageOutcome> Outcomes, Dictionary<string, RefusedPackage> Refused)> ApplyAtStartAsync(PluginTrust trust, CancellationToken ct = default)
    {
        // Rows are changed, and applied at an instance's start, under one lock.
        await using var held = await store.HoldPackagesAsync(ct);
        await using var rows = store.Open();
        var packages = await rows.Packages.OrderBy(p => p.InstalledAt).ToListAsync(ct);
        var local = Local();
        var applying = new Dictionary<string, PluginPackage>();
        var following = new HashSet<string>();
        var outcomes = new List<PackageOutcome>();
        var refused = new Dictionary<string, RefusedPackage>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in packages)
        {
            var here = local.TryGetValue(row.PluginId, out var h) ? h : ((string Folder, string Version)?)null;
            string? failure = null;
            try
            {
                if (row.StagedAction == StagedChange.Upgrade)
                {
                    var (inspection, why) = await VerifyAsync(row.StagedContent, row.StagedSha256, row.PluginId, row.StagedVersion, trust, ct);
                    if (inspection is null)
                    {
                        var message = $"升级到 {row.StagedVersion} 未进行：{why}";
                        outcomes.Add(new(row.PluginId, StagedChange.Upgrade, row.StagedVersion ?? "", false, message, now));
                        Done(row, false, message, now);
                        continue;
                    }
                    if (here is null) (failure, here) = await InstallCurrentAsync(row, trust, here, ct);
                    if (failure is null)
                    {
                        staged.StageUpgrade(inspection.Manifest!, inspection.FolderFiles, here?.Version, row.StagedBy, here?.Folder);
                        applying[row.PluginId] = row;
                    }
                }
                else if (row.StagedAction == StagedChange.Uninstall)
                {
                    // Deleting the data needs the module's migrations, so the current version is unpacked first if missing.
                    if (here is null && row.StagedDeleteData) (failure, here) = await InstallCurrentAsync(row, trust, here, ct);
                    if (failure is null)
                    {
                        staged.StageUninstall(row.PluginId, here?.Version ?? row.PackageVersion, row.StagedDeleteData, row.StagedBy, here?.Folder);
                        applying[row.PluginId] = row;
                    }
                }
                else if (row.State == PluginPackageStates.Installed)
                {
                    if (here is null) (failure, here) = await InstallCurrentAsync(row, trust, here, ct);
                    else if (here.Value.Version != row.PackageVersion)
                    {
                        // Another instance applied an upgrade (and its migrations) already: this one follows at its start.
                        var (inspection, why) = await VerifyAsync(row.Content, row.Sha256, row.PluginId, row.PackageVersion, trust, ct);
                        if (inspection is null) failure = why;
                        else
                        {
                            staged.StageUpgrade(inspection.Manifest!, inspection.FolderFiles, here.Value.Version, row.InstalledBy, here.Value.Folder);
                            following.Add(row.PluginId);
                        }
                    }
                }
                else if (row.State == PluginPackageStates.Uninstalled && here is { } gone)
                {
                    // Uninstalled (and its data dealt with) by another instance: only the folder goes here.
                    staged.StageUninstall(row.PluginId, gone.Version, false, row.StagedBy ?? row.InstalledBy, gone.Folder);
                    following.Add(row.PluginId);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = "写入插件目录失败：" + ex.Message;
            }
            if (failure is not null) refused[row.PluginId] = new(failure, row.Sha256);
        }
        var applied = (await staged.ApplyAtStartAsync(trust, ct))
            .Select(o => following.Contains(o.Id) ? o with { Follows = true, Message = "跟随另一实例：" + o.Message } : o).ToList();
        foreach (var o in applied)
        {
            if (applying.TryGetValue(o.Id, out var row) && row.StagedAction == o.Action)
            {
                if (o.Success && o.Action == StagedChange.Upgrade)
                {
                    row.PackageVersion = row.StagedVersion!;
                    row.Content = row.StagedContent!;
                    row.Sha256 = row.StagedSha256!;
                    row.InstalledBy = row.StagedBy;
                    row.InstalledAt = now;
                }
                else if (o.Success) row.State = PluginPackageStates.Uninstalled;
                Done(row, o.Success, o.Message, now);
            }
        }
        await rows.SaveAsync(ct);
        outcomes.AddRange(applied);
        return (outcomes, refused);
    }

    /// <summary>Unpacks the row's current version into plugins/&lt;id&gt;/ after checking it; the reason when it was refused.</summary>
    /// <returns>The reason when refused (else null), and where the plugin is now.</returns>
    private async Task<(string? Failure, (string Folder, string Version)? Here)> InstallCurrentAsync(PluginPackage row,
        PluginTrust trust, (string Folder, string Version)? here, CancellationToken ct)
    {
        var (inspection, why) = await VerifyAsync(row.Content, row.Sha256, row.PluginId, row.PackageVersion, trust, ct);
        if (inspection is null) return (why, here);
        if (Directory.Exists(Path.Combine(staged.PluginsPath, row.PluginId))) return ($"插件目录“{row.PluginId}”已存在，但其中不是该模块；请先由运维清理。", here);
        WriteFolder(row.PluginId, inspection.FolderFiles);
        return (null, (row.PluginId, row.PackageVersion));
    }

    private static void Done(PluginPackage row, bool success, string message, DateTime at)
    {
        row.ClearStaged();
        row.LastOutcome = message;
        row.LastOutcomeSuccess = success;
        row.LastOutcomeAt = at;
    }

    /// <summary>After the start's plugins loaded and migrated: what this instance runs of every shared package, or why not.</summary>
    public async Task RecordStartAsync(IPackageSession db, PluginCatalog catalog, IReadOnlyDictionary<string, RefusedPackage> refused, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var instance = store.Instance;
        await db.LoadStatesAsync(instance, ct);
        foreach (var row in await db.Packages.AsNoTracking().Select(p => new { p.PluginId, p.State }).ToListAsync(ct))
        {
            var plugin = catalog.All.Where(p => p.Manifest?.Id == row.PluginId).OrderBy(p => p.IsRunning ? 0 : 1).FirstOrDefault();
            if (plugin is not null)
                db.RecordState(row.PluginId, instance, plugin.IsRunning ? plugin.Manifest!.Version : null, plugin.IsRunning ? null : plugin.FailureReason, now);
            else
                db.RecordState(row.PluginId, instance, null, refused.GetValueOrDefault(row.PluginId)?.Reason, now);
        }
        await db.SaveAsync(ct);
    }
}
