using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Api;
using Modular.Plugins;

namespace Modular.Host.Pages.Platform;

/// <summary>For the people who connect another system: how to get a client and a token, and what each module offers.</summary>
public sealed class IntegratorsModel(IApiDescriptionGroupCollectionProvider api, PluginCatalog catalog) : PageModel
{
    public sealed record EndpointRow(string Method, string Path, IReadOnlyList<string> Permissions);
    public sealed record ModuleEndpoints(string Id, string Name, IReadOnlyList<EndpointRow> Endpoints);

    public IReadOnlyList<ModuleEndpoints> Modules { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";

    public void OnGet()
    {
        BaseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        // The same descriptions the OpenAPI document is built from.
        var byModule = api.ApiDescriptionGroups.Items.SelectMany(g => g.Items).Where(OpenApiSetup.IsDocumented)
            .GroupBy(d => OpenApiSetup.ModuleOf(d) ?? "")
            .ToDictionary(g => g.Key, g => g.Select(d => new EndpointRow(d.HttpMethod ?? "", OpenApiSetup.PathOf(d), OpenApiSetup.PermissionsOf(d)))
                .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList());
        Modules = catalog.Running.Where(p => byModule.ContainsKey(p.Id))
            .Select(p => new ModuleEndpoints(p.Id, p.Name.Current, byModule[p.Id])).ToList();
    }
}
