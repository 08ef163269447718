using Modular.Host.Auditing;
using Modular.Host.Data;

namespace Modular.Host.Backups;

/// <summary>
/// Takes the running portal's backups into the backup folder (the daily one and "back up now"), one at a time, records
/// each in the folder's index, applies the retention and writes an audit line.
/// </summary>
public sealed class BackupService(DatabaseSettings database, BackupOptions options, BackupHistory history, AuditWriter audit, IConfiguration configuration,
    TimeProvider clock, ILogger<BackupService> logger)
{
    public const string ScheduleUser = "schedule";
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Where backups go; null when none is set (PostgreSQL without Modular:Backup:Folder).</summary>
    public string? Folder => database.IsPostgreSql ? null : history.Folder;

    /// <summary>Whether this portal takes backups itself (SQLite); on PostgreSQL pg_dump does (README).</summary>
    public bool Supported => !database.IsPostgreSql;

    public BackupOptions Options => options;

    /// <summary>Takes one backup now; a failure is recorded (and returned), never thrown.</summary>
    public async Task<BackupRecord> RunAsync(string by, string? userId, string? address, CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow();
            var file = $"modular-{started.UtcDateTime:yyyyMMdd-HHmmss}Z.zip";
            BackupRecord record;
            try
            {
                await BackupArchive.CreateAsync(database, Path.Combine(history.Folder, file), Outside(configuration), clock, ct);
                record = new BackupRecord { File = file, StartedAt = started, FinishedAt = clock.GetUtcNow(), Success = true, By = by,
                    Size = new FileInfo(Path.Combine(history.Folder, file)).Length };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var reason = ex is BackupException b ? b.Chinese : $"{ex.GetType().Name}: {ex.Message}";
                logger.LogError(ex, "Backup to {Folder} failed", history.Folder);
                record = new BackupRecord { File = file, StartedAt = started, FinishedAt = clock.GetUtcNow(), Success = false, Error = reason, By = by };
            }
            try
            {
                await history.AddAsync(record, options.Keep, clock, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The backup index in {Folder} could not be written", history.Folder);
            }
            await audit.AppendAsync([new AuditRecord(record.Success ? "backup.created" : "backup.failed", "Backup:" + record.File,
                record.Success ? $"{record.Size} 字节" : record.Error, record.Success, userId, by, null, address)], ct);
            Completed?.Invoke(record);
            return record;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Raised after each backup is recorded (tests wait on it instead of on time).</summary>
    public event Action<BackupRecord>? Completed;

    /// <summary>Settings a restore needs that live outside the database, named (never their values) in each manifest.</summary>
    public static List<string> Outside(IConfiguration configuration)
    {
        var outside = new List<string>();
        if (!string.IsNullOrEmpty(configuration["Security:AuditChainKey"])) outside.Add("Security:AuditChainKey（审计链密钥 / audit chain key）");
        if (!string.IsNullOrEmpty(configuration["DataProtection:Certificate:Path"])) outside.Add("DataProtection:Certificate（数据保护证书 / Data Protection certificate）");
        if (!string.IsNullOrEmpty(configuration["Oidc:SigningCertificate:Path"])) outside.Add("Oidc:SigningCertificate（OIDC 签名证书 / OIDC signing certificate）");
        return outside;
    }
}
