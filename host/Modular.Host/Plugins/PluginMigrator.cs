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
        var locks = services.GetService<Data.DatabaseLocks>();
        await using var migrating = locks is null ? null : await locks.HoldAsync(Data.DatabaseLocks.Migrations(moduleId), ct: cancellationToken);
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
