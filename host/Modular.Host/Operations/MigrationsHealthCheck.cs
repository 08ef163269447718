using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Modular.Host.Plugins;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Operations;

/// <summary>
/// Every migration this build knows is applied: the host's contexts and each running module's. An instance of a newer
/// build on a database not yet migrated (or restored from an older backup) is not ready.
/// </summary>
public sealed class MigrationsHealthCheck(PluginCatalog catalog, LivePlugins live, IServiceScopeFactory scopes) : IHealthCheck
{
    private static readonly Type[] HostContexts = [typeof(Data.HostDbContext), typeof(PartyDirectory.DirectoryDbContext)];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A plugin installed while the portal runs registered its context in the newest plugin scope.
        await using var scope = (live.Scope is { } plugins ? Autofac.ResolutionExtensions.Resolve<IServiceScopeFactory>(plugins) : scopes).CreateAsyncScope();
        var services = scope.ServiceProvider;
        var modules = services.GetServices<ModuleDbContextRegistration>()
            .Where(r => catalog.IsRunning(r.ModuleId))
            .Select(r => (Owner: r.ModuleId, r.ContextType));
        var pending = new List<string>();
        var checkedContexts = 0;
        foreach (var (owner, type) in HostContexts.Select(t => (Owner: "host", ContextType: t)).Concat(modules).Distinct())
        {
            var db = (DbContext)services.GetRequiredService(type);
            if (!db.Database.GetMigrations().Any()) continue; // tables that came with another context's migrations
            checkedContexts++;
            var count = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (count > 0) pending.Add($"{owner}: {type.Name} ({count})");
        }
        var data = new Dictionary<string, object> { ["pending"] = pending };
        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{checkedContexts} database context(s) up to date", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending.Count} database context(s) with migrations not applied", data: data);
    }
}
