using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Modules.Volunteer.Pages;

/// <summary>What the module's pages share: a post on a details page answers with the same page and a message.</summary>
public static class PageUi
{
    /// <summary>Back to the details page of <paramref name="id"/>, with <paramref name="message"/> shown there.</summary>
    public static RedirectToPageResult Done(this PageModel page, int id, string message) => page.RedirectWithMessage(message, "Details", new { id });

    /// <summary>Back to the details page of <paramref name="id"/>, with <paramref name="message"/> shown as an error.</summary>
    public static RedirectToPageResult Fail(this PageModel page, int id, string message) => page.RedirectWithError(message, "Details", new { id });

    /// <summary>Sets the title and the SDK's breadcrumb trail "志愿服务 › parents › title" (the host's layout renders it).</summary>
    public static void SetTitle(this ViewDataDictionary viewData, IStringLocalizer text, string title, params (string Text, string? Url)[] parents)
    {
        viewData["Title"] = title;
        var trail = viewData.Breadcrumbs().Add(text["Volunteer service"], VolunteerModule.Links.Home);
        foreach (var (parentText, url) in parents) trail.Add(parentText, url);
        trail.Add(title);
    }
}
