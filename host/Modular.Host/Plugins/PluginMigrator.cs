using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Plugins;

/// <summary>Applies each running plugin's migrations in dependency order; a failure takes that plugin (and its dependents) out.</summary>
public sealed class PluginMigrator(PluginCatalog catalog, IEnumerable<ModuleDbContextRegistration> contexts, IServiceProvider services, ILogger<PluginMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        foreach (var plugin in catalog.Running.ToList())
        {
            if (!plugin.IsRunning) continue; // a dependency failed meanwhile
            var failure = await MigrateModuleAsync(contexts.Where(c => c.ModuleId == plugin.Id).Select(c => c.ContextType), services, logger, plugin.Id, cancellationToken);
            if (failure is not null) catalog.FailWithDependents(plugin, failure);
        }
    }

    /// <summary>Migrates one module's contexts, each in a scope of <paramref name="services"/>; the reason in Chinese when one fails, else null.</summary>
    public static async Task<string?> MigrateModuleAsync(IEnumerable<Type> contextTypes, IServiceProvider services, ILogger logger, string moduleId, CancellationToken cancellationToken = default)
    {
        // Instances on one PostgreSQL database that start or install together: the first migrates, the others wait
        // and then find nothing left to do.
        await using var migrating = await DatabaseLock.AcquireAsync(services.GetService<Data.DatabaseSettings>(), "modular:migrate:" + moduleId, cancellationToken);
        foreach (var contextType in contextTypes)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                if (!db.Database.GetMigrations().Any() && db.Model.GetEntityTypes().Any())
                {
                    // Tables without migrations for this database would fail on first use: refuse at start instead.
                    return $"没有适用于当前数据库（{ProviderMigrationsAssembly.FolderFor(db.Database.ProviderName)}）的数据库迁移（{contextType.Name}）。";
                }
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Migrations of plugin {Id} ({Context}) failed", moduleId, contextType.Name);
                var inner = ex.GetBaseException();
                return $"数据库迁移失败（{contextType.Name}）：{inner.Message}";
            }
        }
        return null;
    }
}

/// <summary>A session-level PostgreSQL advisory lock held until disposed; nothing on SQLite (one instance).</summary>
public sealed class DatabaseLock : IAsyncDisposable, IDisposable
{
    private readonly Npgsql.NpgsqlConnection? _connection;
    private readonly string _name;

    private DatabaseLock(Npgsql.NpgsqlConnection? connection, string name) => (_connection, _name) = (connection, name);

    public static async Task<DatabaseLock> AcquireAsync(Data.DatabaseSettings? database, string name, CancellationToken ct = default)
    {
        if (database is not { IsPostgreSql: true }) return new(null, name);
        var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection);
            cmd.Parameters.AddWithValue("name", name);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new(connection, name);
    }

    public static DatabaseLock Acquire(Data.DatabaseSettings? database, string name) => AcquireAsync(database, name).GetAwaiter().GetResult();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", _connection);
            cmd.Parameters.AddWithValue("name", _name);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }
}
