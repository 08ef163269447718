using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Plugins;

public static class PluginWebExtensions
{
    /// <summary>Gives MVC the running plugins' compiled pages (assembly part and Razor part).</summary>
    public static void AddPluginApplicationParts(this ApplicationPartManager parts, PluginCatalog catalog)
    {
        foreach (var plugin in catalog.Running)
        {
            var asm = plugin.Assembly!;
            if (parts.ApplicationParts.Any(p => p is AssemblyPart ap && ap.Assembly == asm)) continue;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(asm).GetApplicationParts(asm))
            {
                parts.ApplicationParts.Add(part);
            }
        }
    }

    /// <summary>Serves each plugin's wwwroot at <c>/m/&lt;id&gt;/static</c> from the plugin folder.</summary>
    public static void UsePluginStaticFiles(this WebApplication app, PluginCatalog catalog)
    {
        foreach (var plugin in catalog.Running)
        {
            var root = Path.Combine(plugin.Folder, "wwwroot");
            if (!Directory.Exists(root)) continue;
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                RequestPath = $"/m/{plugin.Id}/static",
            });
        }
    }

    /// <summary>Maps each running plugin's API under <c>/m/&lt;id&gt;/api</c>, signed-in and behind the module gate.</summary>
    public static void MapPluginEndpoints(this WebApplication app, PluginCatalog catalog, ILogger logger)
    {
        foreach (var plugin in catalog.Running.ToList())
        {
            var group = app.MapGroup($"/m/{plugin.Id}/api")
                .RequireAuthorization(Policies.ModuleApi)
                .WithMetadata(new ModuleEndpointMetadata(plugin.Id));
            try
            {
                plugin.Module!.MapEndpoints(group);
            }
            catch (Exception ex)
            {
                // Endpoints already added to the group stay, but the gate answers 404 for a failed plugin.
                logger.LogError(ex, "Plugin {Id} failed to map its endpoints", plugin.Id);
                plugin.Fail($"注册接口时出错：{ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
