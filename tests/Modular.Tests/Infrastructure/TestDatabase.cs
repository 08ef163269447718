using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// The database each test's portal runs on: a SQLite file in the test's folder, or, when MODULAR_TEST_POSTGRES
/// holds a server's connection string (tools/pg-start.sh prints one), a database of its own on that server.
/// </summary>
public static class TestDatabase
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("MODULAR_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    // The process id in the name tells a leftover (its run has ended) from a database of a run still going.
    private static readonly string RunPrefix = $"mt_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}_";
    private static readonly HashSet<string> Created = [];

    public static bool IsPostgreSql => Server is not null;
    public static string ProviderSetting => IsPostgreSql ? "PostgreSql" : "Sqlite";

    static TestDatabase()
    {
        if (!IsPostgreSql) return;
        DropLeftovers(); // of runs that ended before they could clean up; runs still going keep theirs
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();
    }

    /// <summary>One database per test folder, so a restart test that reuses the folder finds its data again.</summary>
    public static string ConnectionString(string workDir)
    {
        if (!IsPostgreSql) return $"Data Source={Path.Combine(workDir, "modular.db")}";
        var name = RunPrefix + Path.GetFileName(workDir);
        lock (Created) Created.Add(name);
        // Small pools: a run creates hundreds of databases on one server.
        return $"{Server};Database={name};Maximum Pool Size=20;Connection Idle Lifetime=10;Connection Pruning Interval=5";
    }

    /// <summary>The same statement where the two dialects differ.</summary>
    public static string Sql(string sqlite, string postgres) => IsPostgreSql ? postgres : sqlite;

    public static async Task<DbConnection> OpenAsync(string connectionString)
    {
        DbConnection conn = IsPostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await conn.OpenAsync();
        return conn;
    }

    public static async Task<List<string>> QueryAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = await OpenAsync(connectionString);
        await using var cmd = Command(conn, sql, parameters);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0))!);
        return rows;
    }

    public static async Task ExecAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = await OpenAsync(connectionString);
        await using var cmd = Command(conn, sql, parameters);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Parameters are written @name in both dialects.</summary>
    public static DbCommand Command(DbConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>Lets go of pooled connections so files can be deleted and databases dropped.</summary>
    public static void Release(string connectionString)
    {
        if (IsPostgreSql) NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        else SqliteConnection.ClearAllPools();
    }

    private static void DropAll()
    {
        NpgsqlConnection.ClearAllPools();
        string[] names;
        lock (Created) names = Created.ToArray();
        Drop(names);
    }

    private static void DropLeftovers()
    {
        using var conn = new NpgsqlConnection($"{Server};Database=postgres");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT datname FROM pg_database WHERE datname LIKE 'mt\\_%'";
        var names = new List<string>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));
        Drop(names.Where(n => !RunStillGoing(n)));
    }

    private static bool RunStillGoing(string database)
    {
        var parts = database.Split('_');
        if (parts.Length < 3 || !int.TryParse(parts[1], out var pid)) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Drop(IEnumerable<string> names)
    {
        try
        {
            using var conn = new NpgsqlConnection($"{Server};Database=postgres");
            conn.Open();
            foreach (var name in names)
            {
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                cmd.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // The server is a throwaway test cluster; leftovers go with it.
        }
    }
}
