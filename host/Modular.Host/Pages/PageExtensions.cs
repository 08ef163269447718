using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Host.Pages;

public static class PageExtensions
{
    /// <summary>Sets the page title and the breadcrumb trail after "Home" (the last entry has no link).</summary>
    public static void SetTitle(this ViewDataDictionary viewData, string title, params (string Text, string? Url)[] parents)
    {
        viewData["Title"] = title;
        viewData["Breadcrumbs"] = parents.Append((title, null)).ToList();
    }
}
