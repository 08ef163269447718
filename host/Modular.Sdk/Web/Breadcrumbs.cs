using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Sdk;

/// <summary>One step of the breadcrumb above a page; the last one, without a link, is the page itself.</summary>
/// <param name="Text">What the step says.</param>
/// <param name="Url">Where it leads; null for the current page.</param>
public sealed record Breadcrumb(string Text, string? Url = null);

/// <summary>
/// The breadcrumb of a page, which the portal's layout shows above it (without one, the layout derives it from the
/// module and the title): <c>ViewData.Breadcrumbs().Add(T["Integrity"], Url.Page("/Index")).Add(Model.Title)</c>.
/// </summary>
public sealed class BreadcrumbTrail
{
    private readonly List<Breadcrumb> _items = [];

    /// <summary>The steps, first to last.</summary>
    public IReadOnlyList<Breadcrumb> Items => _items;

    /// <summary>Adds a step; leave <paramref name="url"/> out for the current page.</summary>
    /// <param name="text">What the step says.</param>
    /// <param name="url">Where it leads.</param>
    public BreadcrumbTrail Add(string text, string? url = null)
    {
        _items.Add(new Breadcrumb(text, url));
        return this;
    }
}

/// <summary>Gets the page's <see cref="BreadcrumbTrail"/>.</summary>
public static class BreadcrumbExtensions
{
    /// <summary>The key under which the layout finds the trail.</summary>
    public const string Key = "Breadcrumbs";

    /// <summary>The page's breadcrumb trail, created empty on first use (the layout then shows it instead of the derived one).</summary>
    public static BreadcrumbTrail Breadcrumbs(this ViewDataDictionary viewData)
    {
        if (viewData[Key] is BreadcrumbTrail trail) return trail;
        trail = new BreadcrumbTrail();
        viewData[Key] = trail;
        return trail;
    }
}
