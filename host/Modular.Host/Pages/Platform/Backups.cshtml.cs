using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Backups;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform;

/// <summary>The portal's backups (scheduled and on demand), read from the backup folder's index, and "back up now".</summary>
public sealed class BackupsModel(BackupService backups, BackupHistory history, ICurrentUser user) : PageModel
{
    public IReadOnlyList<BackupRecord> Records { get; private set; } = [];
    public bool Supported => backups.Supported;
    public string Folder => history.Folder;
    public BackupOptions Options => backups.Options;
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Records = await history.ListAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!backups.Supported) return RedirectToPage();
        var record = await backups.RunAsync(user.UserName ?? "", user.Id, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (record.Success) Notice = record.File;
        else Problem = record.Error;
        return RedirectToPage();
    }
}
