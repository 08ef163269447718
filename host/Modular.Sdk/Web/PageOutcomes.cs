using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Modular.Sdk;

/// <summary>
/// The common endings of a page handler: save with the concurrency check, and the message shown after a redirect
/// (the portal's layout shows it above the page: a success in green, a problem in red).
/// </summary>
public static class PageOutcomes
{
    /// <summary>The TempData key of the success message the layout shows after a redirect.</summary>
    public const string MessageKey = "Message";

    /// <summary>The TempData key of the problem the layout shows after a redirect.</summary>
    public const string ErrorKey = "Error";

    /// <summary>The message put into <c>ModelState</c> when someone else saved the record first.</summary>
    public static readonly LocalizedText ChangedByOthers = new(
        "在您编辑期间，其他人修改了这条记录。请刷新页面后重新修改。",
        "Someone else changed this record while you were editing. Reload the page and make your change again.");

    /// <summary>
    /// Saves <paramref name="db"/>. When another request saved one of the records first (a stale concurrency stamp),
    /// puts <see cref="ChangedByOthers"/> into the page's <c>ModelState</c>, forgets the unsaved changes and returns
    /// false, so the handler returns <c>Page()</c> and nothing is half-saved.
    /// </summary>
    /// <param name="page">The page whose ModelState gets the message.</param>
    /// <param name="db">The module's context with the changes.</param>
    /// <param name="ct">Cancels the save.</param>
    /// <returns>True when saved.</returns>
    public static async Task<bool> TrySaveAsync(this PageModel page, DbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            page.ModelState.AddModelError("", ChangedByOthers.Current);
            return false;
        }
    }

    /// <summary>Shows <paramref name="message"/> as a success on the next page (after a redirect).</summary>
    public static void ShowMessage(this PageModel page, string message) => page.TempData[MessageKey] = message;

    /// <summary>Shows <paramref name="message"/> as a problem on the next page (after a redirect).</summary>
    public static void ShowError(this PageModel page, string message) => page.TempData[ErrorKey] = message;

    /// <summary>Redirects to a page of the same area with a success message: <c>return this.RedirectWithMessage(T["Saved."], "Details", new { id })</c>.</summary>
    /// <param name="page">The current page.</param>
    /// <param name="message">The success message.</param>
    /// <param name="pageName">The page to go to; null for the current page.</param>
    /// <param name="routeValues">Its route and query values.</param>
    public static RedirectToPageResult RedirectWithMessage(this PageModel page, string message, string? pageName = null, object? routeValues = null)
    {
        page.ShowMessage(message);
        return page.RedirectToPage(pageName, routeValues);
    }

    /// <summary>Redirects to a page of the same area with a problem shown in red there (for small forms that post back to a details page).</summary>
    /// <param name="page">The current page.</param>
    /// <param name="message">What went wrong, in the user's language.</param>
    /// <param name="pageName">The page to go to; null for the current page.</param>
    /// <param name="routeValues">Its route and query values.</param>
    public static RedirectToPageResult RedirectWithError(this PageModel page, string message, string? pageName = null, object? routeValues = null)
    {
        page.ShowError(message);
        return page.RedirectToPage(pageName, routeValues);
    }
}
