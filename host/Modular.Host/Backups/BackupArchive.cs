using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Modular.Host.Data;

namespace Modular.Host.Backups;

/// <summary>
/// A backup file: a zip with <see cref="BackupManifest.EntryName"/> and the SQLite database. The database holds all the
/// portal keeps — host, directory, every module's tables, uploaded files, Data Protection, OIDC and audit-chain keys —
/// so one consistent copy of it (SQLite's online backup API, which reads committed pages from the WAL too, while the
/// portal goes on writing) is the whole backup.
/// </summary>
public static class BackupArchive
{
    /// <summary>Takes a backup of the running (or stopped) portal's database into <paramref name="target"/>.</summary>
    /// <param name="outside">Settings the restore needs from outside the archive (recorded in the manifest).</param>
    public static async Task<BackupManifest> CreateAsync(DatabaseSettings database, string target, IReadOnlyList<string> outside, TimeProvider clock, CancellationToken ct = default)
    {
        if (database.IsPostgreSql)
            throw new BackupException("PostgreSQL 数据库请用 pg_dump / pg_restore 备份与恢复（见 README 的“运维”一节）。",
                "On PostgreSQL back up and restore with pg_dump / pg_restore (README, Operations).");
        var source = BackupOptions.SqliteFile(database);
        if (!File.Exists(source))
            throw new BackupException($"找不到数据库文件：{source}", $"Database file not found: {source}");
        target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, ".backup-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var copy = Path.Combine(work, "modular.db");
            var createdAt = clock.GetUtcNow();
            await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString()))
            await using (var to = new SqliteConnection(Unpooled(copy)))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                // One step under one read transaction: a snapshot of the committed state, WAL included.
                from.BackupDatabase(to);
            }
            var (portalId, migrations) = await ReadIdentityAsync(copy, ct);
            if (portalId is null)
                throw new BackupException("数据库中没有门户标识：请先用此版本启动一次门户。", "The database has no portal id: start the portal once with this version first.");
            var manifest = new BackupManifest
            {
                PortalId = portalId,
                CreatedAt = createdAt,
                Provider = nameof(DatabaseProvider.Sqlite),
                HostVersion = HostVersion,
                Migrations = migrations,
                Files = [new BackupFile(BackupManifest.DatabaseEntry, new FileInfo(copy).Length, await HashAsync(copy, ct))],
                Outside = [.. outside],
            };
            // Written beside the target and renamed: a reader never sees half an archive under the final name.
            var partial = Path.Combine(work, "archive.zip");
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                await using (var entry = new StreamWriter(zip.CreateEntry(BackupManifest.EntryName).Open()))
                    await entry.WriteAsync(manifest.ToJson());
                zip.CreateEntryFromFile(copy, BackupManifest.DatabaseEntry, CompressionLevel.Optimal);
            }
            File.Move(partial, target, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Opens and checks a backup file: a zip whose manifest is a backup's, with every file present and matching its
    /// hash. Extracts the database to <paramref name="databaseFile"/>.
    /// </summary>
    public static async Task<BackupManifest> ExtractAsync(string file, string databaseFile, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new BackupException($"找不到备份文件：{file}", $"Backup file not found: {file}");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            throw NotABackup(file);
        }
        using (zip)
        {
            var manifestEntry = zip.GetEntry(BackupManifest.EntryName) ?? throw NotABackup(file);
            string json;
            using (var reader = new StreamReader(manifestEntry.Open())) json = await reader.ReadToEndAsync(ct);
            var manifest = BackupManifest.Parse(json) ?? throw NotABackup(file);
            if (manifest.Format > BackupManifest.CurrentFormat)
                throw new BackupException($"备份文件格式（{manifest.Format}）比此版本新，请用更新的版本恢复。",
                    $"The backup's format ({manifest.Format}) is newer than this version knows; restore with a newer version.");
            if (manifest.Provider != nameof(DatabaseProvider.Sqlite) || manifest.Files.All(f => f.Name != BackupManifest.DatabaseEntry))
                throw NotABackup(file);
            foreach (var expected in manifest.Files)
            {
                var entry = zip.GetEntry(expected.Name) ?? throw Damaged(expected.Name);
                var to = expected.Name == BackupManifest.DatabaseEntry ? databaseFile : null;
                if (to is null) continue; // a later format's extra file: checked by that format
                await using (var input = entry.Open())
                await using (var output = File.Create(to))
                    await input.CopyToAsync(output, ct);
                if (new FileInfo(to).Length != expected.Size || await HashAsync(to, ct) != expected.Sha256) throw Damaged(expected.Name);
            }
            return manifest;
        }
    }

    /// <summary>The portal id and each migrations history table's migrations, read from a SQLite file (not pooled: it is moved afterwards).</summary>
    public static async Task<(string? PortalId, SortedDictionary<string, List<string>> Migrations)> ReadIdentityAsync(string databaseFile, CancellationToken ct = default)
    {
        await using var conn = new SqliteConnection(Unpooled(databaseFile, SqliteOpenMode.ReadWrite));
        await conn.OpenAsync(ct);
        var tables = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = @"SELECT name FROM sqlite_master WHERE type = 'table' AND (name = '__EFMigrationsHistory' OR name LIKE '\_\_migrations\_%' ESCAPE '\') ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        var migrations = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT MigrationId FROM \"{table.Replace("\"", "\"\"")}\" ORDER BY MigrationId";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var ids = new List<string>();
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
            migrations[table] = ids;
        }
        string? portalId = null;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'PortalIdentity'";
            if (await cmd.ExecuteScalarAsync(ct) is not null)
            {
                cmd.CommandText = $"SELECT PortalId FROM PortalIdentity WHERE Id = {PortalIdentity.OnlyId}";
                portalId = await cmd.ExecuteScalarAsync(ct) as string;
            }
        }
        return (portalId, migrations);
    }

    /// <summary>A connection string of its own for a file that is moved or deleted afterwards: pooled connections would keep it open.</summary>
    public static string Unpooled(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    public static string HostVersion { get; } =
        typeof(BackupArchive).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private static async Task<string> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static BackupException NotABackup(string file) =>
        new($"不是门户的备份文件：{Path.GetFileName(file)}", $"Not a backup of the portal: {Path.GetFileName(file)}");

    private static BackupException Damaged(string entry) =>
        new($"备份文件已损坏：{entry} 缺失或与清单不符。", $"The backup is damaged: {entry} is missing or does not match the manifest.");
}
