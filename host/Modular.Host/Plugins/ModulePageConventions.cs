using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Modular.Plugins;

namespace Modular.Host.Plugins;

/// <summary>
/// A plugin's pages live in the area named after its id; this puts them under <c>/m/&lt;id&gt;/</c>
/// and tags every page of a plugin assembly with its module, wherever the page sits.
/// </summary>
public sealed class ModulePageConventions(PluginCatalog catalog) : IPageRouteModelConvention, IPageApplicationModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (model.AreaName is null || !catalog.IsRunning(model.AreaName)) return;
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null || template.StartsWith("m/", StringComparison.Ordinal)) continue;
            selector.AttributeRouteModel!.Template = "m/" + template;
        }
    }

    public void Apply(PageApplicationModel model)
    {
        var plugin = catalog.FindByAssembly(model.HandlerType.Assembly)
                     ?? catalog.FindByAssembly(model.PageType.Assembly);
        if (plugin is not null) model.EndpointMetadata.Add(new ModuleEndpointMetadata(plugin.Id));
    }
}
