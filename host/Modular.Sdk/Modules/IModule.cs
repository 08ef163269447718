using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Sdk;

/// <summary>
/// The entry class of a plugin. The host creates it once, asks for its services, contributions
/// and endpoints, and enforces for it the agency's module switch, permissions and data scope.
/// </summary>
public interface IModule
{
    /// <summary>Register the module's services, DbContexts (<see cref="ModuleServiceCollectionExtensions.AddModuleDbContext{T}"/>), widgets and to-do providers.</summary>
    void ConfigureServices(IServiceCollection services, ModuleContext context);

    /// <summary>Menu items, shown only when the module is on for the agency and the user holds the permission.</summary>
    IEnumerable<MenuItem> GetMenuItems() => [];

    /// <summary>Permissions the module checks, with the roles that hold them by default.</summary>
    IEnumerable<PermissionDefinition> GetPermissions() => [];

    /// <summary>Settings an agency can change for this module, with their defaults.</summary>
    IEnumerable<ModuleSettingDefinition> GetSettings() => [];

    /// <summary>API endpoints, mapped under <c>/m/&lt;id&gt;/api</c> with the module gate and sign-in required.</summary>
    void MapEndpoints(IEndpointRouteBuilder api) { }
}

/// <summary>What the host tells a module while it registers.</summary>
public sealed class ModuleContext(PluginManifest manifest, string folder)
{
    /// <summary>The plugin's <c>plugin.json</c>.</summary>
    public PluginManifest Manifest { get; } = manifest;
    /// <summary>The plugin's id (<see cref="PluginManifest.Id"/>).</summary>
    public string ModuleId => Manifest.Id;
    /// <summary>The plugin's folder on disk (read-only for the module).</summary>
    public string Folder { get; } = folder;
}
