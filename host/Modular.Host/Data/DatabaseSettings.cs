using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>The database every context of the host and its plugins shares.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the host: the embedded default.</summary>
    Sqlite,
    /// <summary>For several instances and large cities.</summary>
    PostgreSql,
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public DatabaseSettings(string connectionString) : this(DatabaseProvider.Sqlite, connectionString) { }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>Points a context at the database, with the migrations written for this provider.</summary>
    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder options, string? historyTable = null)
    {
        if (IsPostgreSql)
            options.UseNpgsql(ConnectionString, b => { if (historyTable is not null) b.MigrationsHistoryTable(historyTable); });
        else
            options.UseSqlite(ConnectionString, b => { if (historyTable is not null) b.MigrationsHistoryTable(historyTable); });
        return options.UseProviderMigrations();
    }
}
