using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Sdk;

/// <summary>One step of the breadcrumb above a page; the last one, without a link, is the page itself.</summary>
/// <param name="Text">What the step says.</param>
/// <param name="Url">Where it leads; null for the current page.</param>
public sealed record Breadcrumb(string Text, string? Url = null);

/// <summary>
/// The breadcrumb of a page, which the portal's layout shows above it (without one, the layout derives it from the
/// module and the title). Set it with <see cref="BreadcrumbExtensions.SetTitle"/>; a whole trail of one's own with
/// <c>ViewData.Breadcrumbs().Add(T["Integrity"], Url.Page("/Index")).Add(Model.Title)</c>.
/// </summary>
public sealed class BreadcrumbTrail
{
    private readonly List<Breadcrumb> _items = [];

    /// <summary>
    /// Whether the layout puts the module first (its name, linking to its home page) on a module's page: set by
    /// <see cref="BreadcrumbExtensions.SetTitle"/>, so that no page names its module itself.
    /// </summary>
    public bool StartsAtModule { get; init; }

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

/// <summary>Sets a page's title and breadcrumb, one way for the host's and every module's pages.</summary>
public static class BreadcrumbExtensions
{
    /// <summary>
    /// Sets the page's title and its breadcrumb: the module (on a module's page, added by the layout), then
    /// <paramref name="parents"/>, then the title without a link. In a view:
    /// <c>ViewData.SetTitle(title, (T["Meetings"], Url.Page("/Meetings/Index")))</c>; a module's home page:
    /// <c>ViewData.SetTitle(T["Meetings"])</c>.
    /// </summary>
    /// <param name="viewData">The page's view data.</param>
    /// <param name="title">The page's title (the browser's title and the last step).</param>
    /// <param name="parents">The steps between the module's home page and this page, with their links.</param>
    /// <returns>The trail, for a caller that needs to look at it.</returns>
    public static BreadcrumbTrail SetTitle(this ViewDataDictionary viewData, string title, params (string Text, string? Url)[] parents)
    {
        viewData["Title"] = title;
        var trail = new BreadcrumbTrail { StartsAtModule = true };
        foreach (var (text, url) in parents) trail.Add(text, url);
        viewData[Key] = trail.Add(title);
        return trail;
    }

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
