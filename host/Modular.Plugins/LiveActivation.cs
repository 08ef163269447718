using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Plugins;

/// <summary>What the host does for a plugin brought to life while the portal runs: its container scope, its API, its web parts.</summary>
public interface ILivePluginHost
{
    /// <summary>A container scope of the plugin's own holding its registrations (nested in the last live plugin's), and its services.</summary>
    (IServiceProvider Services, IAsyncDisposable Scope) BeginScope(PluginDescriptor plugin, IServiceCollection registrations);

    /// <summary>Builds the plugin's API endpoints behind the module gate, not served yet; throws what the plugin's mapping threw.</summary>
    IReadOnlyList<Endpoint> MapEndpoints(PluginDescriptor plugin, IServiceProvider services);

    /// <summary>Serves the running plugin: its pages, its API, and requests from its scope.</summary>
    void Publish(PluginDescriptor plugin, IAsyncDisposable scope, IReadOnlyList<Endpoint> endpoints);
}

/// <summary>
/// Brings a newly installed plugin to life, one at a time: read and checked, loaded, registered in a scope of its own,
/// migrated and its API built, before it counts as running; a failing step leaves nothing behind but the reason.
/// </summary>
public sealed class LiveActivation(PluginCatalog catalog, PluginCatalogLoader loader, PluginMigrator migrator, ILivePluginHost host, ILogger<LiveActivation> logger)
    : IPluginActivator
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string?> ActivateAsync(string folder, PluginTrust trust, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var plugin = PluginDescriptor.Read(folder);
            if (!plugin.IsRunning) return plugin.FailureReason;
            var missing = plugin.Manifest!.Dependencies.FirstOrDefault(d => !catalog.IsRunning(d.Id));
            if (missing is not null) return $"缺少依赖的模块“{missing.Id}”。";
            var registrations = loader.TryLoad(plugin, trust);
            if (registrations is null) return plugin.FailureReason;

            var (services, scope) = host.BeginScope(plugin, registrations);
            var contexts = registrations.Where(d => d.ServiceType == typeof(ModuleDbContextRegistration))
                .Select(d => (ModuleDbContextRegistration)d.ImplementationInstance!).Where(r => r.ModuleId == plugin.Id).Select(r => r.ContextType);
            var failure = await migrator.MigrateModuleAsync(contexts, services, logger, plugin.Id, ct);
            IReadOnlyList<Endpoint> endpoints = [];
            if (failure is null)
            {
                try
                {
                    // Built once here, before the plugin counts as running.
                    endpoints = host.MapEndpoints(plugin, services);
                    catalog.AddLive(plugin);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    logger.LogError(ex, "Plugin {Id} failed to map its endpoints", plugin.Id);
                    failure = $"注册接口时出错：{ex.GetType().Name}: {ex.Message}";
                    plugin.Fail(failure);
                }
            }
            if (failure is not null)
            {
                await scope.DisposeAsync();
                return failure;
            }
            host.Publish(plugin, scope, endpoints);
            logger.LogInformation("Plugin {Id} {Version} installed and running", plugin.Id, plugin.Manifest.Version);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
