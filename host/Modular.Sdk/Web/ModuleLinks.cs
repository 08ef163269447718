using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Sdk;

/// <summary>
/// Links to a module's own pages and API from code that has no page context (widgets, to-dos, notifications, feeds,
/// shared records): <c>links.Page("/Meetings/Details", new { id })</c> gives <c>/m/org-life/Meetings/Details?id=5</c>.
/// Inside a page or view use <c>Url.Page("/Meetings/Details", new { id })</c>, which knows the module's area.
/// </summary>
/// <param name="moduleId">The module id (its plugin.json <c>id</c>).</param>
public sealed class ModuleLinks(string moduleId)
{
    /// <summary>The module id.</summary>
    public string ModuleId { get; } = moduleId;

    /// <summary>The module's home page, <c>/m/&lt;id&gt;</c>.</summary>
    public string Home => "/m/" + ModuleId;

    /// <summary>A page of the module by its path in the area (<c>/Meetings/Details</c>; <c>/Index</c> and <c>/X/Index</c> drop the Index), with query values.</summary>
    /// <param name="page">The page path, starting with "/".</param>
    /// <param name="query">Query values as an anonymous object or dictionary; nulls are left out.</param>
    public string Page(string page, object? query = null)
    {
        if (!page.StartsWith('/')) throw new ArgumentException("A page path starts with '/'.", nameof(page));
        if (page.EndsWith("/Index", StringComparison.Ordinal)) page = page[..^"/Index".Length];
        return Home + page + Query(query);
    }

    /// <summary>An endpoint of the module's API, <c>/m/&lt;id&gt;/api/&lt;path&gt;</c>, with query values.</summary>
    /// <param name="path">The path below the module's API root, for example <c>meetings</c>.</param>
    /// <param name="query">Query values as an anonymous object or dictionary; nulls are left out.</param>
    public string Api(string path, object? query = null) => Home + "/api/" + path.TrimStart('/') + Query(query);

    private static string Query(object? values)
    {
        if (values is null) return "";
        var pairs = new RouteValueDictionary(values).Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
        return QueryString.Create(pairs).ToString();
    }
}
