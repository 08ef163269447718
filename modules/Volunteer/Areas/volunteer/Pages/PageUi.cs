using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages;

/// <summary>What the module's pages share: a post on a details page answers with the same page and a message.</summary>
public static class PageUi
{
    /// <summary>Back to the details page of <paramref name="id"/>, with <paramref name="message"/> shown there.</summary>
    public static RedirectToPageResult Done(this PageModel page, int id, string message) => page.RedirectWithMessage(message, "Details", new { id });

    /// <summary>Back to the details page of <paramref name="id"/>, with <paramref name="message"/> shown as an error.</summary>
    public static RedirectToPageResult Fail(this PageModel page, int id, string message) => page.RedirectWithError(message, "Details", new { id });
}
