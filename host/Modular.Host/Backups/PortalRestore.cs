using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Backups;

/// <summary>
/// Restores a backup over a stopped portal's SQLite database. The backup is checked (a backup, intact, of this portal,
/// of no newer schema than this build knows) and its audit chain verified in a folder of its own beside the database;
/// only then is the database swapped in (renames on one disk), the replaced one kept beside it.
/// </summary>
public sealed class PortalRestore(BackupConsole console)
{
    /// <summary>The host's contexts that may carry migrations; the modules' come from their registrations.</summary>
    private static readonly Type[] HostContexts = [typeof(HostDbContext), typeof(PartyDirectory.DirectoryDbContext), typeof(Files.FileDbContext), typeof(Notifications.NotificationDbContext)];

    public async Task RunAsync(string file, bool forceOtherPortal, string[] hostArgs, CancellationToken ct)
    {
        var settings = WebApplication.CreateBuilder(hostArgs);
        var options = settings.Configuration.GetSection("Modular").Get<ModularOptions>() ?? new ModularOptions();
        var database = options.ResolveDatabase(settings.Environment.ContentRootPath);
        if (database.IsPostgreSql)
            throw new BackupException("PostgreSQL 数据库请用 pg_restore 恢复（见 README 的“运维”一节）。", "On PostgreSQL restore with pg_restore (README, Operations).");
        var target = BackupOptions.SqliteFile(database);
        using var running = PortalRunLock.TryTake(target)
            ?? throw new BackupException("门户正在使用该数据库：请先停止门户（所有实例），再恢复。", "A portal is running on this database: stop it (every instance) before restoring.");
        var staging = Path.Combine(Path.GetDirectoryName(target)!, ".restore-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(staging);
        try
        {
            var staged = Path.Combine(staging, Path.GetFileName(target));
            var manifest = await BackupArchive.ExtractAsync(file, staged, ct);
            console.Say($"备份文件完好：门户 {manifest.PortalId}，{manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC，版本 {manifest.HostVersion}",
                $"Backup intact: portal {manifest.PortalId}, taken {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC by version {manifest.HostVersion}");
            var (stagedId, _) = await BackupArchive.ReadIdentityAsync(staged, ct);
            if (stagedId != manifest.PortalId)
                throw new BackupException("备份文件已损坏：数据库中的门户标识与清单不符。", "The backup is damaged: the database's portal id differs from the manifest's.");
            if (File.Exists(target) && (await BackupArchive.ReadIdentityAsync(target, ct)).PortalId is { } current && current != manifest.PortalId)
            {
                if (!forceOtherPortal)
                    throw new BackupException($"这不是本门户的备份（本门户 {current}，备份 {manifest.PortalId}）。确需以另一门户的数据替换本门户时，加 --force-other-portal。",
                        $"Not a backup of this portal (this portal {current}, backup {manifest.PortalId}). To replace this portal's data with another portal's, add --force-other-portal.");
                console.Say($"按 --force-other-portal 以门户 {manifest.PortalId} 的数据替换门户 {current}。", $"--force-other-portal: replacing portal {current} with portal {manifest.PortalId}.");
            }
            foreach (var note in manifest.Outside) console.Say("请确认配置中保留：" + note, "Keep in the configuration: " + note);
            await CheckAsync(staged, hostArgs, ct);
            Swap(staged, target, console);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Opens the staged copy with this build's host and plugins (as a start would, which also brings the host's tables
    /// up to date): refuses migrations this build does not know, and verifies the audit chain.
    /// </summary>
    private async Task CheckAsync(string staged, string[] hostArgs, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modular:DatabaseProvider"] = nameof(DatabaseProvider.Sqlite),
            ["Modular:ConnectionString"] = BackupArchive.Unpooled(staged, SqliteOpenMode.ReadWrite),
            ["Modular:JobSeconds"] = "0",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = await BuildAsync(builder, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var catalog = services.GetRequiredService<PluginCatalog>();
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var contexts = HostContexts.Concat(services.GetServices<ModuleDbContextRegistration>().Where(r => catalog.IsRunning(r.ModuleId)).Select(r => r.ContextType)).Distinct();
        foreach (var type in contexts)
        {
            var db = (DbContext)services.GetRequiredService(type);
            var migrations = db.Database.GetMigrations().ToList();
            if (migrations.Count == 0) continue;
            var table = db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.MigrationsHistoryTableName
                ?? HistoryRepository.DefaultTableName;
            if (!known.TryGetValue(table, out var set)) known[table] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(migrations);
        }
        var (_, applied) = await BackupArchive.ReadIdentityAsync(staged, ct);
        foreach (var (table, ids) in applied)
        {
            if (!known.TryGetValue(table, out var set))
            {
                console.Say($"备份中有 {table} 的数据，但此版本没有运行相应的模块：数据保留，模块安装后可用。",
                    $"The backup holds data of {table}, which no running module of this build uses: kept for when the module is installed.");
                continue;
            }
            var unknown = ids.Where(id => !set.Contains(id)).ToList();
            if (unknown.Count > 0)
                throw new BackupException($"备份的数据结构比此版本新（{table}：{string.Join("、", unknown)}）：请用备份时的版本或更新版本恢复。",
                    $"The backup's schema is newer than this build ({table}: {string.Join(", ", unknown)}): restore with the version that took it, or a newer one.");
        }
        console.Say("数据结构：此版本全部认识。", "Schema: every migration of the backup is known to this build.");
        var report = await services.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
        if (!report.Intact)
            throw new BackupException($"备份中的审计链校验未通过（第 {report.BrokenAt?.ToString() ?? "末"} 行起）：未恢复。",
                $"The backup's audit chain does not verify (from line {report.BrokenAt?.ToString() ?? "the end"}): nothing restored.");
        console.Say($"审计链校验通过：{report.Checked} 行。", $"Audit chain verified: {report.Checked} lines.");
    }

    private static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken ct)
    {
        await builder.AddModularHostAsync(ct);
        return builder.Build();
    }

    /// <summary>
    /// The staged copy takes the database's place. The replaced database moves aside with its WAL (a WAL left beside
    /// the restored file would be replayed into it); when the second rename fails, the first is undone.
    /// </summary>
    private static void Swap(string staged, string target, BackupConsole console)
    {
        SqliteConnection.ClearAllPools();
        using (var conn = new SqliteConnection(BackupArchive.Unpooled(staged, SqliteOpenMode.ReadWrite)))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(staged + suffix);
        string? aside = null;
        if (File.Exists(target))
        {
            aside = $"{target}.before-restore-{Guid.NewGuid().ToString("N")[..8]}";
            File.Move(target, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
                if (File.Exists(target + suffix)) File.Move(target + suffix, aside + suffix);
        }
        try
        {
            File.Move(staged, target);
        }
        catch
        {
            if (aside is not null)
            {
                File.Move(aside, target);
                foreach (var suffix in new[] { "-wal", "-shm" })
                    if (File.Exists(aside + suffix)) File.Move(aside + suffix, target + suffix);
            }
            throw;
        }
        console.Say($"已恢复到 {target}。", $"Restored to {target}.");
        if (aside is not null) console.Say($"被替换的数据库保留在 {aside}。", $"The replaced database is kept at {aside}.");
    }
}
