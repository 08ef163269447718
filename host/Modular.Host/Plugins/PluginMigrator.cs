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
            foreach (var registration in contexts.Where(c => c.ModuleId == plugin.Id))
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
                    if (!db.Database.GetMigrations().Any() && db.Model.GetEntityTypes().Any())
                    {
                        // Tables without migrations for this database would fail on first use: refuse at start instead.
                        catalog.FailWithDependents(plugin, $"没有适用于当前数据库（{Data.ProviderMigrationsAssembly.FolderFor(db.Database.ProviderName)}）的数据库迁移（{registration.ContextType.Name}）。");
                        break;
                    }
                    await db.Database.MigrateAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Migrations of plugin {Id} ({Context}) failed", plugin.Id, registration.ContextType.Name);
                    var inner = ex.GetBaseException();
                    catalog.FailWithDependents(plugin, $"数据库迁移失败（{registration.ContextType.Name}）：{inner.Message}");
                    break;
                }
            }
        }
    }
}
