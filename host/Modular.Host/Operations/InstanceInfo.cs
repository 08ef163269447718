using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Operations;

/// <summary>This instance, as the status page names it: fixed when the portal starts.</summary>
public sealed class InstanceInfo(ModularOptions modular, DatabaseSettings database, TimeProvider clock)
{
    public string InstanceName { get; } = modular.InstanceName;
    public string MachineName { get; } = Environment.MachineName;
    public string HostVersion => TelemetrySetup.HostVersion;
    public string SdkVersion { get; } = SdkInfo.Version.ToString();
    public string Runtime { get; } = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
    public DatabaseProvider Provider => database.Provider;
    /// <summary>Resolved at start (<see cref="OperationsSetup.UseOperations"/>), so it is the time the portal started.</summary>
    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();
}

/// <summary>The database's size on disk: the SQLite file with its write-ahead log, or PostgreSQL's pg_database_size.</summary>
public static class DatabaseSize
{
    /// <summary>Bytes of the main file and of the WAL (SQLite; PostgreSQL gives one figure, WAL null).</summary>
    public static async Task<(long Total, long? Wal)> ReadAsync(HostDbContext db, DatabaseSettings database, CancellationToken ct)
    {
        if (database.IsPostgreSql)
            return (await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(ct), null);
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return (0, null);
        static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
        var wal = Size(file + "-wal");
        return (Size(file) + wal + Size(file + "-shm"), wal);
    }
}
