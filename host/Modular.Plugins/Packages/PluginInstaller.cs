using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Modular.Sdk;

namespace Modular.Plugins.Packages;

/// <summary>What became of an upload: refused with its reasons, or accepted with a message (and whether a restart applies it).</summary>
public sealed record InstallResult(bool Success, IReadOnlyList<string> Errors, string? Message = null, bool RestartNeeded = false)
{
    public static InstallResult Refused(IEnumerable<string> errors) => new(false, errors.ToList());
}

/// <summary>
/// Central IT's side of a vendor package: every check first (the package's own, then against the installed plugins),
/// then a new plugin goes live at once, while an upgrade or an uninstall is staged for the next start.
/// Every step, refusals included, is audited.
/// </summary>
/// <param name="db">The packages' tables in this request's unit of work.</param>
public sealed class PluginInstaller(PluginCatalog catalog, PackageInspector inspector, PluginTrustSource trustSource, StagedChanges stagedChanges, SharedPackages shared,
    IPluginActivator live, IPluginAudit audit, ICurrentUser user, ILogger<PluginInstaller> logger, IPackageSession db, IPackageStore store, TimeProvider time)
{
    private bool Shared => shared.Enabled;
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<InstallResult> InstallAsync(Stream upload, string fileName, CancellationToken ct = default)
    {
        var trust = await trustSource.CurrentAsync(ct);
        var inspection = await inspector.InspectAsync(upload, trust, ct);
        // One install, upgrade or uninstall at a time on this instance (the package watcher takes it too).
        await using (await store.HoldInstallsAsync(ct))
        {
            if (inspection.IsValid) CheckAgainstInstalled(inspection);
            var manifest = inspection.Manifest;
            var target = manifest is null ? "Package:" + Path.GetFileName(fileName) : $"Plugin:{manifest.Id}";
            if (!inspection.IsValid)
            {
                await AuditAsync("plugin.package.refused", target, $"{Path.GetFileName(fileName)}: {string.Join(" ", inspection.Errors)}", false, ct);
                return InstallResult.Refused(inspection.Errors);
            }
            var signedBy = inspection.Publisher is { } p ? $"，签名：{p}（{inspection.KeyId}）" : inspection.Signed ? $"，签名密钥 {inspection.KeyId}" : "，未签名";
            var existing = Installed(manifest!.Id);
            var row = Shared ? await db.FindAsync(manifest!.Id, ct) : null;
            if (existing is null && row is { State: PluginPackageStates.Installed })
            {
                // Accepted on another instance and not here yet: an upgrade of that one, for every instance.
                await StageSharedUpgradeAsync(row, inspection, ct);
                await AuditAsync("plugin.upgrade.staged", target, $"{row.PackageVersion} → {manifest!.Version}{signedBy}", true, ct);
                return new(true, [], $"“{manifest.Name?.Current}” {manifest.Version} 已就绪，各实例重启后升级（现为 {row.PackageVersion}，数据保留{signedBy}）。", RestartNeeded: true);
            }
            if (existing is not null)
            {
                if (row is not null && row.State == PluginPackageStates.Installed) await StageSharedUpgradeAsync(row, inspection, ct);
                else if (Shared) await StageSharedUpgradeAsync(await NewRowAsync(existing, ct), inspection, ct);
                else stagedChanges.StageUpgrade(manifest, inspection.FolderFiles, existing.Manifest?.Version, user.UserName, existing.FolderName);
                await AuditAsync("plugin.upgrade.staged", target, $"{existing.Manifest?.Version} → {manifest.Version}{signedBy}", true, ct);
                return new(true, [], $"“{manifest.Name?.Current}” {manifest.Version} 已就绪，重启平台后升级（现运行 {existing.Manifest?.Version}，数据保留{signedBy}）。", RestartNeeded: true);
            }
            return await InstallNewAsync(manifest, inspection, trust, target, signedBy, ct);
        }
    }

    private async Task<InstallResult> InstallNewAsync(PluginManifest manifest, PackageInspection inspection, PluginTrust trust, string target, string signedBy, CancellationToken ct)
    {
        var root = Directory.CreateDirectory(stagedChanges.Root).FullName;
        var incoming = Path.Combine(root, ".incoming-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(catalog.PluginsPath, manifest.Id);
        string? failure;
        try
        {
            stagedChanges.WriteFiles(incoming, inspection.FolderFiles);
            Directory.Move(incoming, folder);
            failure = await live.ActivateAsync(folder, trust, ct);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Installing plugin {Id} failed", manifest.Id);
            failure = "写入插件目录失败：" + ex.Message;
        }
        if (failure is not null)
        {
            // Nothing stays behind: the folder goes, and migrations that failed were rolled back.
            if (Directory.Exists(incoming)) Directory.Delete(incoming, true);
            if (Directory.Exists(folder) && !catalog.IsRunning(manifest.Id)) Directory.Delete(folder, true);
            await AuditAsync("plugin.install.failed", target, $"{manifest.Version}: {failure}", false, ct);
            return InstallResult.Refused([$"安装失败：{failure}"]);
        }
        if (Shared) await KeepSharedAsync(manifest, inspection, ct);
        await AuditAsync("plugin.installed", target, $"{manifest.Version}{signedBy}", true, ct);
        return new(true, [], $"“{manifest.Name?.Current}” {manifest.Version} 已安装并运行（{signedBy.TrimStart('，')}），平台管理员可在“单位”中为各单位开放。");
    }

    /// <summary>Checks that need the installed plugins: dependencies, id already taken (an upgrade must be to a higher version).</summary>
    private void CheckAgainstInstalled(PackageInspection inspection)
    {
        var manifest = inspection.Manifest!;
        foreach (var dep in manifest.Dependencies)
        {
            var present = catalog.Find(dep.Id);
            if (present is null)
                inspection.Errors.Add($"缺少依赖的模块“{dep.Id}”：请先安装它。");
            else if (dep.Version is not null && !VersionRange.Parse(dep.Version).Includes(present.Manifest!.ParsedVersion))
                inspection.Errors.Add($"依赖的模块“{dep.Id}”已安装 {present.Manifest.Version}，不在要求的范围 {VersionRange.Parse(dep.Version)} 内。");
        }
        var existing = Installed(manifest.Id);
        if (existing?.Manifest is { } current && manifest.ParsedVersion.CompareTo(current.ParsedVersion) <= 0)
            inspection.Errors.Add($"模块标识“{manifest.Id}”已被已安装的 {current.Version} 使用；只能升级到更高的版本（此安装包为 {manifest.Version}）。");
        else if (existing is null && Directory.Exists(Path.Combine(catalog.PluginsPath, manifest.Id)))
            inspection.Errors.Add($"插件目录“{manifest.Id}”已存在，但其中不是可识别的插件；请先由运维清理。");
        var staged = Pending().FirstOrDefault(c => c.Id == manifest.Id && c.Action == StagedChange.Upgrade);
        if (existing is null && Shared && db.Packages.AsNoTracking().FirstOrDefault(p => p.PluginId == manifest.Id && p.State == PluginPackageStates.Installed) is { } elsewhere
            && SemanticVersion.TryParse(elsewhere.PackageVersion, out var elsewhereVersion) && manifest.ParsedVersion.CompareTo(elsewhereVersion) <= 0)
            inspection.Errors.Add($"模块标识“{manifest.Id}”已由另一实例安装为 {elsewhere.PackageVersion}（本实例稍后自动安装）；只能升级到更高的版本（此安装包为 {manifest.Version}）。");
        if (staged is not null && SemanticVersion.TryParse(staged.Version, out var stagedVersion) && manifest.ParsedVersion.CompareTo(stagedVersion) <= 0)
            inspection.Errors.Add($"已有待重启的升级到 {staged.Version}；新的安装包须为更高的版本（此安装包为 {manifest.Version}）。");
    }

    /// <summary>The installed plugin with this id, running or not (its manifest was readable).</summary>
    private PluginDescriptor? Installed(string id) =>
        catalog.All.Where(p => p.Manifest?.Id == id).OrderBy(p => p.IsRunning ? 0 : 1).FirstOrDefault();

    /// <summary>Stages the removal of the plugin in <paramref name="folder"/>; a reason in Chinese when it cannot be.</summary>
    public async Task<string?> StageUninstallAsync(string folder, bool deleteData, CancellationToken ct = default)
    {
        var plugin = catalog.All.FirstOrDefault(p => p.FolderName == folder);
        if (plugin?.Manifest is null) return "没有这个模块。";
        var id = plugin.Id;
        var dependent = catalog.Running.FirstOrDefault(p => p.Manifest!.Dependencies.Any(d => d.Id == id));
        if (dependent is not null) return $"模块“{dependent.Name.Current}”依赖它，须先卸载“{dependent.Name.Current}”。";
        if (Shared && await db.FindAsync(id, ct) is { State: PluginPackageStates.Installed } row)
        {
            await db.InTransactionAsync(async () =>
            {
                await db.FreshAsync(row, ct);
                row.ClearStaged();
                row.StagedAction = StagedChange.Uninstall;
                row.StagedVersion = row.PackageVersion;
                row.StagedDeleteData = deleteData;
                row.StagedBy = user.UserName;
                row.StagedAt = Now;
                await db.SaveAsync(ct);
                return true;
            }, ct);
        }
        else stagedChanges.StageUninstall(id, plugin.Manifest.Version, deleteData, user.UserName, plugin.FolderName);
        await AuditAsync("plugin.uninstall.staged", "Plugin:" + id, $"{plugin.Manifest.Version}, {(deleteData ? "delete data" : "keep data")}", true, ct);
        return null;
    }

    public async Task<bool> CancelStagedAsync(string id, CancellationToken ct = default)
    {
        var cancelled = stagedChanges.Cancel(id);
        if (Shared && await db.FindAsync(id, ct) is { StagedAction: not null } row)
        {
            await db.InTransactionAsync(async () =>
            {
                await db.FreshAsync(row, ct);
                row.ClearStaged();
                await db.SaveAsync(ct);
                return true;
            }, ct);
            cancelled = true;
        }
        if (!cancelled) return false;
        await AuditAsync("plugin.staged.cancelled", "Plugin:" + id, null, true, ct);
        return true;
    }

    /// <summary>What waits for the next start: the database's staged changes (several instances) and this folder's.</summary>
    public IReadOnlyList<StagedChange> Pending()
    {
        var local = stagedChanges.Pending();
        if (!Shared) return local;
        var shared = db.Packages.AsNoTracking().Where(p => p.StagedAction != null)
            .Select(p => new { p.PluginId, p.StagedAction, p.StagedVersion, p.PackageVersion, p.StagedDeleteData, p.StagedBy, p.StagedAt }).ToList()
            .Select(p => new StagedChange(p.PluginId, p.StagedAction!, p.StagedVersion ?? p.PackageVersion, p.PackageVersion, p.StagedDeleteData, p.StagedBy,
                p.StagedAt ?? Now, catalog.All.FirstOrDefault(x => x.Manifest?.Id == p.PluginId)?.FolderName));
        return [.. shared, .. local.Where(l => shared.All(s => s.Id != l.Id))];
    }

    /// <summary>Keeps a new plugin's verified package for the other instances, and what this instance made of it.</summary>
    private async Task KeepSharedAsync(PluginManifest manifest, PackageInspection inspection, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            var row = await db.FindAsync(manifest.Id, ct);
            if (row is null) db.Add(row = new PluginPackage { PluginId = manifest.Id });
            else await db.FreshAsync(row, ct);
            row.ClearStaged();
            row.PackageVersion = manifest.Version;
            row.Content = inspection.Package;
            row.Sha256 = PackageFormat.Sha256Hex(inspection.Package);
            row.State = PluginPackageStates.Installed;
            row.InstalledBy = user.UserName;
            row.InstalledAt = Now;
            db.RecordState(manifest.Id, store.Instance, manifest.Version, null, Now);
            await db.SaveAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>A plugin that came in a folder (not through the database) is upgraded for every instance: its row starts here.</summary>
    private async Task<PluginPackage> NewRowAsync(PluginDescriptor existing, CancellationToken ct)
    {
        var row = await db.FindAsync(existing.Id, ct);
        if (row is null) db.Add(row = new PluginPackage { PluginId = existing.Id, InstalledAt = Now });
        row.PackageVersion = existing.Manifest!.Version;
        row.State = PluginPackageStates.Installed;
        return row;
    }

    private async Task StageSharedUpgradeAsync(PluginPackage row, PackageInspection inspection, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            await db.FreshAsync(row, ct);
            row.ClearStaged();
            row.StagedAction = StagedChange.Upgrade;
            row.StagedVersion = inspection.Manifest!.Version;
            row.StagedContent = inspection.Package;
            row.StagedSha256 = PackageFormat.Sha256Hex(inspection.Package);
            row.StagedBy = user.UserName;
            row.StagedAt = Now;
            await db.SaveAsync(ct);
            return true;
        }, ct);
        stagedChanges.Cancel(row.PluginId); // the database's staging replaces a folder's
    }

    private Task AuditAsync(string action, string target, string? details, bool success, CancellationToken ct) =>
        audit.AppendAsync([new PluginAuditEvent(action, target, details, success)], ct);
}
