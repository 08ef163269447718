using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Shell;
using Modular.Host.Shell.Dashboard;
using Modular.Sdk;

namespace Modular.Host.Pages;

public sealed class IndexModel(DashboardService dashboard, TodoService todos, ICurrentAgency agency, ICurrentUser user, IAgencyClock clock, Backups.BackupHistory backups) : PageModel
{
    public string? AgencyName => agency.Name;
    public bool IsPlatformAdmin => user.IsPlatformAdmin;
    public bool IsAgencyAdmin => user.IsInAgencyRole(Roles.AgencyAdmin);
    public IReadOnlyList<WidgetContent> Widgets { get; private set; } = [];
    public int TodoCount { get; private set; }
    public int OverdueCount { get; private set; }
    /// <summary>The last backup, when it failed (the platform administrator's dashboard says so).</summary>
    public Backups.BackupRecord? FailedBackup { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (user.IsPlatformAdmin && await backups.LastAsync(ct) is { Success: false } failed) FailedBackup = failed;
        if (agency.Id is null) return;
        Widgets = await dashboard.GetAsync(ct);
        var items = await todos.GetAsync(ct);
        var today = clock.Today;
        TodoCount = items.Count;
        OverdueCount = items.Count(i => i.Item.IsOverdue(today));
    }
}
