using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Modular.Plugins.Packages;

namespace Modular.Plugins;

/// <summary>
/// The runtime's services, built by hand before the container: staged packages are applied, and the plugins loaded into
/// the registrations, before the container exists. <see cref="Register"/> puts the same instances into the container.
/// </summary>
public sealed class PluginRuntime
{
    /// <param name="pluginsPath">The plugins folder.</param>
    /// <param name="options">The settings of packages and signatures.</param>
    /// <param name="database">Migration locks and history tables on the host's database.</param>
    /// <param name="publishers">The security administrator's list of publishers.</param>
    /// <param name="platformAssemblies">The host's assemblies, whose services no plugin may register.</param>
    /// <param name="time">Stamps of staged changes and their outcomes.</param>
    public PluginRuntime(string pluginsPath, PluginPackageOptions options, IPluginDatabase database, IPublisherStore publishers,
        IEnumerable<Assembly> platformAssemblies, TimeProvider time)
    {
        PluginsPath = pluginsPath;
        Options = options;
        Database = database;
        Publishers = publishers;
        Assemblies = new AssemblyInspector();
        Packages = new PackageInspector(Assemblies, options);
        Loader = new PluginCatalogLoader(Assemblies, platformAssemblies);
        Migrator = new PluginMigrator(database);
        Staged = new StagedChanges(pluginsPath, database, Loader, Migrator, time);
        Trust = new PluginTrustSource(options, publishers);
    }

    public string PluginsPath { get; }
    public PluginPackageOptions Options { get; }
    public IPluginDatabase Database { get; }
    public IPublisherStore Publishers { get; }
    public AssemblyInspector Assemblies { get; }
    public PackageInspector Packages { get; }
    public PluginCatalogLoader Loader { get; }
    public PluginMigrator Migrator { get; }
    public StagedChanges Staged { get; }
    public PluginTrustSource Trust { get; }

    /// <summary>Registers these instances (singletons), so that the container hands out the ones that ran at start.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(Options);
        services.AddSingleton(Database);
        services.AddSingleton(Publishers);
        services.AddSingleton(Assemblies);
        services.AddSingleton(Packages);
        services.AddSingleton(Loader);
        services.AddSingleton(Migrator);
        services.AddSingleton(Staged);
        services.AddSingleton(Trust);
    }
}
