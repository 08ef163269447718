using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Sdk;

namespace Modular.Plugins;

/// <summary>Applies each running plugin's migrations in dependency order; a failure takes that plugin (and its dependents) out.</summary>
public sealed class PluginMigrator(IPluginDatabase database)
{
    /// <summary>Migrates every running plugin of <paramref name="catalog"/>, its contexts resolved from <paramref name="services"/>.</summary>
    public async Task MigrateAsync(PluginCatalog catalog, IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        var contexts = services.GetServices<ModuleDbContextRegistration>().ToList();
        var plugins = catalog.Running.ToList();
        IEnumerable<Type> ContextsOf(PluginDescriptor plugin) => contexts.Where(c => c.ModuleId == plugin.Id).Select(c => c.ContextType);
        // At a start with nothing to migrate, each context costs building its model (CPU) and one read of its history:
        // all modules are checked at once, so that a second core shares the work. What must be migrated still is, one
        // module at a time in dependency order (SQLite has one writer; a module may need its dependency's tables).
        var checks = plugins.ToDictionary(p => p, p => Task.Run(() => CheckModuleAsync(ContextsOf(p), services, logger, p.Id, cancellationToken), cancellationToken));
        foreach (var plugin in plugins)
        {
            var (failure, pending) = await checks[plugin];
            if (!plugin.IsRunning) continue; // a dependency failed meanwhile
            if (failure is null && pending) failure = await MigrateModuleAsync(ContextsOf(plugin), services, logger, plugin.Id, cancellationToken);
            if (failure is not null) catalog.FailWithDependents(plugin, failure);
        }
    }

    /// <summary>Whether one module's contexts have migrations pending, without changing anything; the reason in Chinese when one cannot be used.</summary>
    private static async Task<(string? Failure, bool Pending)> CheckModuleAsync(IEnumerable<Type> contextTypes, IServiceProvider services, ILogger logger, string moduleId, CancellationToken cancellationToken)
    {
        var pending = false;
        foreach (var contextType in contextTypes)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                if (MissingMigrations(db, contextType) is { } missing) return (missing, false);
                pending |= (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (Failed(ex, logger, moduleId, contextType), false);
            }
        }
        return (null, pending);
    }

    /// <summary>Migrates one module's contexts, each in a scope of <paramref name="services"/>; the reason in Chinese when one fails, else null.</summary>
    public async Task<string?> MigrateModuleAsync(IEnumerable<Type> contextTypes, IServiceProvider services, ILogger logger, string moduleId, CancellationToken cancellationToken = default)
    {
        // Instances on one PostgreSQL database that start or install together: the first migrates, the others wait
        // and then find nothing left to do.
        await using var migrating = await database.HoldMigrationsAsync(moduleId, cancellationToken);
        foreach (var contextType in contextTypes)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                if (MissingMigrations(db, contextType) is { } missing) return missing;
                await db.Database.MigrateIfPendingAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Failed(ex, logger, moduleId, contextType);
            }
        }
        return null;
    }

    /// <summary>Tables without migrations for this database would fail on first use: refused at start instead.</summary>
    private static string? MissingMigrations(DbContext db, Type contextType) =>
        !db.Database.GetMigrations().Any() && db.Model.GetEntityTypes().Any()
            ? $"没有适用于当前数据库（{ProviderMigrationsAssembly.FolderFor(db.Database.ProviderName)}）的数据库迁移（{contextType.Name}）。"
            : null;

    private static string Failed(Exception ex, ILogger logger, string moduleId, Type contextType)
    {
        logger.LogError(ex, "Migrations of plugin {Id} ({Context}) failed", moduleId, contextType.Name);
        return $"数据库迁移失败（{contextType.Name}）：{ex.GetBaseException().Message}";
    }
}
