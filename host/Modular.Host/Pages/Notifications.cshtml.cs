using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Notifications;
using Modular.Host.Shell;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Pages;

/// <summary>我的消息: the signed-in member's notices, newest first; opening one marks it read.</summary>
public sealed class NotificationsModel(NotificationService notices, PluginCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + NotificationService.PageSize - 1) / NotificationService.PageSize);
    /// <summary>Where the list stands, for the pager.</summary>
    public IPagedList Pager => new PagedList<Notification>(Items, PageNumber, NotificationService.PageSize, Total);

    public string ModuleName(string id) => catalog.Find(id)?.Name.Current ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Items, Total) = await notices.ListAsync(PageNumber, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var url = await notices.MarkReadAsync(id, ct);
        return HostSetup.IsLocalPath(url) ? LocalRedirect(url!) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await notices.MarkReadAsync(null, ct);
        return RedirectToPage();
    }
}
