using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Sdk;

namespace Modular.Plugins.Packages;

/// <param name="Folder">The plugin's folder under plugins/ when it is not named after its id.</param>
public sealed record StagedChange(string Id, string Action, string Version, string? FromVersion, bool DeleteData, string? By, DateTime At, string? Folder = null)
{
    public const string Upgrade = "upgrade";
    public const string Uninstall = "uninstall";
}

/// <summary>What became of a staged change at a start (kept in <c>.staged/outcomes.json</c> for the Modules page).</summary>
/// <param name="Follows">This instance followed a change that another instance on the database applied (and migrated) first.</param>
public sealed record PackageOutcome(string Id, string Action, string Version, bool Success, string Message, DateTime At, bool Follows = false);

/// <summary>
/// Upgrades and uninstalls wait in <c>plugins/.staged/</c> (a plugin's loaded code cannot be swapped while the portal runs)
/// and are applied at the next start, before any plugin loads. An upgrade first runs the new version's migrations;
/// only when they succeed does the new folder replace the old one, so a failure leaves the old version in place and running.
/// </summary>
/// <param name="pluginsPath">The plugins folder; the staged changes wait in its <c>.staged</c> folder.</param>
public sealed class StagedChanges(string pluginsPath, IPluginDatabase database, PluginCatalogLoader loader, PluginMigrator migrator, TimeProvider time)
{
    public const string FolderName = ".staged";
    private const string OutcomesFile = "outcomes.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string PluginsPath => pluginsPath;
    public string Root => Path.Combine(pluginsPath, FolderName);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public IReadOnlyList<StagedChange> Pending()
    {
        var root = Root;
        if (!Directory.Exists(root)) return [];
        return Directory.GetFiles(root, "*.json").Where(f => Path.GetFileName(f) != OutcomesFile)
            .Select(f => Read<StagedChange>(f)).OfType<StagedChange>().OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<PackageOutcome> LastOutcomes() =>
        Read<List<PackageOutcome>>(Path.Combine(Root, OutcomesFile)) ?? [];

    /// <summary>Writes the new version's files beside the running one; replaces an upgrade staged before.</summary>
    public void StageUpgrade(PluginManifest manifest, IReadOnlyDictionary<string, byte[]> files, string? fromVersion, string? by, string? folder = null)
    {
        var root = Directory.CreateDirectory(Root).FullName;
        Cancel(manifest.Id);
        // Written under a temporary name and renamed, so a half-written folder never counts as staged.
        var temp = Path.Combine(root, ".incoming-" + Guid.NewGuid().ToString("N"));
        WriteFiles(temp, files);
        Directory.Move(temp, Path.Combine(root, manifest.Id));
        Write(Path.Combine(root, manifest.Id + ".json"), new StagedChange(manifest.Id, StagedChange.Upgrade, manifest.Version, fromVersion, false, by, Now, folder));
    }

    public void StageUninstall(string id, string version, bool deleteData, string? by, string? folder = null)
    {
        var root = Directory.CreateDirectory(Root).FullName;
        Cancel(id);
        Write(Path.Combine(root, id + ".json"), new StagedChange(id, StagedChange.Uninstall, version, version, deleteData, by, Now, folder));
    }

    /// <summary>Forgets a staged change; true when there was one.</summary>
    public bool Cancel(string id)
    {
        var root = Root;
        var marker = Path.Combine(root, id + ".json");
        var had = File.Exists(marker);
        File.Delete(marker);
        if (Directory.Exists(Path.Combine(root, id))) Directory.Delete(Path.Combine(root, id), true);
        return had;
    }

    /// <summary>Writes package files into a new folder (paths were checked by <see cref="PackageInspector"/>).</summary>
    public void WriteFiles(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        var full = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        foreach (var (path, content) in files)
        {
            var target = Path.GetFullPath(Path.Combine(full, path));
            if (!target.StartsWith(full, StringComparison.Ordinal)) throw new InvalidOperationException("Package path escapes the plugin folder: " + path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
    }

    /// <summary>Applies every staged change; called at start before the plugins load.</summary>
    public async Task<List<PackageOutcome>> ApplyAtStartAsync(PluginTrust trust, CancellationToken ct = default)
    {
        var root = Root;
        if (!Directory.Exists(root)) return [];
        Recover();
        var outcomes = new List<PackageOutcome>();
        foreach (var change in Pending())
        {
            PackageOutcome outcome;
            try
            {
                outcome = change.Action == StagedChange.Upgrade
                    ? await ApplyUpgradeAsync(change, trust, ct)
                    : await ApplyUninstallAsync(change, trust, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The portal starts all the same, with what is in the plugins folder.
                outcome = new(change.Id, change.Action, change.Version, false, $"变更未能完成（{ex.Message}）。", Now);
            }
            outcomes.Add(outcome);
            File.Delete(Path.Combine(root, change.Id + ".json"));
            if (Directory.Exists(Path.Combine(root, change.Id))) Directory.Delete(Path.Combine(root, change.Id), true);
        }
        foreach (var incoming in Directory.GetDirectories(root, ".incoming-*")) Directory.Delete(incoming, true);
        if (outcomes.Count > 0) Write(Path.Combine(root, OutcomesFile), outcomes);
        return outcomes;
    }

    /// <summary>A start that stopped between the two renames of an upgrade: put the old version back, or finish.</summary>
    private void Recover()
    {
        foreach (var previous in Directory.GetDirectories(Root, ".previous-*"))
        {
            var id = Path.GetFileName(previous)[".previous-".Length..];
            var live = Path.Combine(pluginsPath, id);
            if (!Directory.Exists(live)) Directory.Move(previous, live);
            else Directory.Delete(previous, true);
        }
    }

    private async Task<PackageOutcome> ApplyUpgradeAsync(StagedChange change, PluginTrust trust, CancellationToken ct)
    {
        var staged = Path.Combine(Root, change.Id);
        var live = Path.Combine(pluginsPath, change.Id);
        var old = Path.Combine(pluginsPath, SafeFolder(change.Folder) ?? change.Id);
        if (!Directory.Exists(staged))
            return new(change.Id, change.Action, change.Version, false, "待升级的文件不见了，升级未进行。", Now);
        var failure = await WithPluginAsync(staged, MigrateAsync, trust, ct);
        if (failure is not null)
            return new(change.Id, change.Action, change.Version, false, $"升级到 {change.Version} 失败，仍运行 {change.FromVersion}：{failure}", Now);
        var previous = Path.Combine(Root, ".previous-" + change.Id);
        if (Directory.Exists(old)) Directory.Move(old, previous);
        if (old != live && Directory.Exists(live)) Directory.Delete(live, true); // not a plugin of this id (refused at upload otherwise)
        try
        {
            Directory.Move(staged, live);
        }
        catch (IOException)
        {
            if (Directory.Exists(previous) && !Directory.Exists(old)) Directory.Move(previous, old);
            throw;
        }
        if (Directory.Exists(previous)) Directory.Delete(previous, true);
        return new(change.Id, change.Action, change.Version, true, $"已从 {change.FromVersion} 升级到 {change.Version}。", Now);
    }

    private async Task<PackageOutcome> ApplyUninstallAsync(StagedChange change, PluginTrust trust, CancellationToken ct)
    {
        var live = Path.Combine(pluginsPath, SafeFolder(change.Folder) ?? change.Id);
        if (change.DeleteData && Directory.Exists(live))
        {
            var failure = await WithPluginAsync(live, RevertAsync, trust, ct);
            if (failure is not null)
                return new(change.Id, change.Action, change.Version, false, $"删除模块数据失败，模块未卸载：{failure}", Now);
        }
        if (Directory.Exists(live))
        {
            // Renamed first so that a half-deleted folder is never taken for a plugin.
            var trash = Path.Combine(Root, ".removed-" + Guid.NewGuid().ToString("N"));
            Directory.Move(live, trash);
            Directory.Delete(trash, true);
        }
        return new(change.Id, change.Action, change.Version, true, change.DeleteData ? "已卸载，模块数据已删除。" : "已卸载，模块数据已保留。", Now);
    }

    /// <summary>A folder name from a staged file, only if it is a plain name under plugins/.</summary>
    private static string? SafeFolder(string? folder) =>
        folder is { Length: > 0 } f && f == Path.GetFileName(f) && !f.StartsWith('.') ? f : null;

    private delegate Task<string?> ContextWork(string moduleId, IReadOnlyList<Type> contexts, IServiceProvider services, ILogger logger, CancellationToken ct);

    /// <summary>Loads a plugin on its own (not into the portal) with just what its DbContexts need, and works on its database.</summary>
    private async Task<string?> WithPluginAsync(string folder, ContextWork work, PluginTrust trust, CancellationToken ct)
    {
        var plugin = PluginDescriptor.Read(folder);
        if (!plugin.IsRunning) return plugin.FailureReason;
        var registrations = loader.TryLoad(plugin, trust);
        if (registrations is null) return plugin.FailureReason;
        IServiceCollection services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole());
        services.AddSingleton<IModuleDatabase>(new MaintenanceDatabase(database));
        services.AddSingleton<ICurrentAgency>(new NoAgency());
        foreach (var d in registrations) services.Add(d);
        await using var provider = services.BuildServiceProvider();
        var contexts = registrations.Where(d => d.ServiceType == typeof(ModuleDbContextRegistration))
            .Select(d => (ModuleDbContextRegistration)d.ImplementationInstance!).Where(r => r.ModuleId == plugin.Id).Select(r => r.ContextType).ToList();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Plugins.StagedChanges");
        return await work(plugin.Id, contexts, provider, logger, ct);
    }

    private Task<string?> MigrateAsync(string moduleId, IReadOnlyList<Type> contexts, IServiceProvider services, ILogger logger, CancellationToken ct) =>
        migrator.MigrateModuleAsync(contexts, services, logger, moduleId, ct);

    /// <summary>Runs every migration down (its tables go) and drops the module's history table.</summary>
    private async Task<string?> RevertAsync(string moduleId, IReadOnlyList<Type> contexts, IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        foreach (var type in contexts)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
                await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase, ct);
                // A table name cannot be a parameter: the provider quotes the host's own name ("__migrations_<id>").
                var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(database.HistoryTable(moduleId));
#pragma warning disable EF1003 // an identifier built and quoted here, no input: nothing to inject
                await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS " + table, ct);
#pragma warning restore EF1003
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Removing the data of plugin {Id} ({Context}) failed", moduleId, type.Name);
                return $"{type.Name}：{ex.GetBaseException().Message}";
            }
        }
        return null;
    }

    private static T? Read<T>(string file) where T : class
    {
        try { return File.Exists(file) ? JsonSerializer.Deserialize<T>(File.ReadAllText(file)) : null; }
        catch (JsonException) { return null; }
    }

    private static void Write<T>(string file, T value)
    {
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, Json));
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>The module's own history table and migrations, without the audit of data changes (none are made here).</summary>
    private sealed class MaintenanceDatabase(IPluginDatabase database) : IModuleDatabase
    {
        public void Configure(DbContextOptionsBuilder options, string moduleId, System.Reflection.Assembly migrationsAssembly) =>
            database.ConfigureMaintenance(options, moduleId);
    }

    private sealed class NoAgency : ICurrentAgency
    {
        public int? Id => null;
        public string? Name => null;
    }
}
