using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform;

/// <summary>Installed modules, and central IT's installs, upgrades and uninstalls of vendor packages.</summary>
public sealed class ModulesModel(PluginCatalog catalog, HostDbContext db, PluginInstaller installer, PluginPackageOptions packageOptions, StartOutcomes startOutcomes,
    SharedPackages shared, StagedChanges stagedChanges, PluginTrustSource trustSource, ModularOptions modular) : PageModel
{
    /// <summary>A shared package (several instances), without its bytes.</summary>
    public sealed record SharedRow(string PluginId, string Version, string State, string? StagedAction, string? StagedVersion, bool StagedDeleteData,
        string? InstalledBy, DateTime InstalledAt, string? LastOutcome, bool LastOutcomeSuccess, DateTime? LastOutcomeAt);

    public bool Shared => shared.Enabled;
    public string InstanceName => modular.InstanceName;
    public IReadOnlyList<SharedRow> SharedRows { get; private set; } = [];
    public ILookup<string, PluginInstanceState> Instances { get; private set; } = Array.Empty<PluginInstanceState>().ToLookup(s => s.PluginId);
    public string PluginsPath => catalog.PluginsPath;
    public IReadOnlyList<PluginDescriptor> Plugins { get; private set; } = [];
    public Dictionary<string, int> Usage { get; private set; } = [];
    public Dictionary<string, StagedChange> Staged { get; private set; } = [];
    public IReadOnlyList<PackageOutcome> Outcomes { get; private set; } = [];
    public IReadOnlyList<string> PackageErrors { get; private set; } = [];
    public bool RequireSignature => packageOptions.RequireSignature;
    /// <summary>The allow-list now (a publisher removed since a plugin loaded shows as not allowed).</summary>
    public PluginTrust Trust { get; private set; } = new(false, []);
    public int MaxPackageMegabytes => packageOptions.MaxPackageMegabytes;
    public string SdkVersion => SdkInfo.Version.ToString();
    public string SdkSupported => SdkSupport.Supported.ToString();
    public bool AppliedAtThisStart => startOutcomes.Applied.Count > 0;
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }

    /// <summary>The folder of the plugin to uninstall, when confirming.</summary>
    [BindProperty(SupportsGet = true)] public string? Uninstall { get; set; }
    [BindProperty] public string? KeepData { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInstallAsync(IFormFile? package, CancellationToken ct)
    {
        if (package is null || package.Length == 0)
        {
            PackageErrors = ["请选择要上传的安装包（.modpkg）。"];
        }
        else if (!package.FileName.EndsWith(PackageFormat.Extension, StringComparison.OrdinalIgnoreCase) && !package.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            PackageErrors = ["安装包须为 .modpkg 文件。"];
        }
        else
        {
            await using var stream = package.OpenReadStream();
            var result = await installer.InstallAsync(stream, package.FileName, ct);
            if (result.Success)
            {
                Notice = result.Message;
                return RedirectToPage();
            }
            PackageErrors = result.Errors;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUninstallAsync(string folder, CancellationToken ct)
    {
        if (KeepData is not ("keep" or "delete"))
        {
            Uninstall = folder;
            ModelState.AddModelError(nameof(KeepData), "请选择保留还是删除模块的数据。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        Problem = await installer.StageUninstallAsync(folder, KeepData == "delete", ct);
        if (Problem is null) Notice = $"目录“{folder}”中的模块将在重启平台后卸载（{(KeepData == "delete" ? "删除" : "保留")}其数据）。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct)
    {
        if (await installer.CancelStagedAsync(id, ct)) Notice = $"已撤销模块“{id}”待重启的变更。";
        else Problem = "没有待撤销的变更。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Trust = await trustSource.CurrentAsync(ct);
        Plugins = catalog.All.OrderBy(p => p.IsRunning ? 0 : 1).ThenBy(p => p.Order).ThenBy(p => p.FolderName).ToList();
        Usage = await db.AgencyModules.AsNoTracking().Where(m => m.Allowed && m.Enabled)
            .GroupBy(m => m.ModuleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Keyed by the folder the change applies to.
        Staged = installer.Pending().GroupBy(c => c.Folder ?? c.Id).ToDictionary(g => g.Key, g => g.First());
        if (Shared)
        {
            SharedRows = await db.PluginPackages.AsNoTracking().OrderBy(p => p.PluginId)
                .Select(p => new SharedRow(p.PluginId, p.PackageVersion, p.State, p.StagedAction, p.StagedVersion, p.StagedDeleteData, p.InstalledBy, p.InstalledAt,
                    p.LastOutcome, p.LastOutcomeSuccess, p.LastOutcomeAt)).ToListAsync(ct);
            Instances = (await db.PluginInstanceStates.AsNoTracking().OrderBy(s => s.Instance).ToListAsync(ct)).ToLookup(s => s.PluginId);
        }
        Outcomes = stagedChanges.LastOutcomes();
        if (Uninstall is not null && !Plugins.Any(p => p.FolderName == Uninstall && p.Manifest is not null)) Uninstall = null;
    }
}
