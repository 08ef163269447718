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
        foreach (var plugin in catalog.Running.ToList())
        {
            if (!plugin.IsRunning) continue; // a dependency failed meanwhile
            var failure = await MigrateModuleAsync(contexts.Where(c => c.ModuleId == plugin.Id).Select(c => c.ContextType), services, logger, plugin.Id, cancellationToken);
            if (failure is not null) catalog.FailWithDependents(plugin, failure);
        }
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
                if (!db.Database.GetMigrations().Any() && db.Model.GetEntityTypes().Any())
                {
                    // Tables without migrations for this database would fail on first use: refuse at start instead.
                    return $"没有适用于当前数据库（{ProviderMigrationsAssembly.FolderFor(db.Database.ProviderName)}）的数据库迁移（{contextType.Name}）。";
                }
                await db.Database.MigrateIfPendingAsync(cancellationToken);
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
