using Microsoft.EntityFrameworkCore;
using Modular.Host.Files;
using Modular.Host.Notifications;

namespace Modular.Tests.Infrastructure;

/// <summary>The host's notices and stored files as a test counts them: through their DbContexts, every agency's rows.</summary>
public static class HostData
{
    /// <summary>The notices an agency's members were sent with this title and/or from this module.</summary>
    public static Task<int> NoticeCountAsync(this PortalFactory portal, int agencyId, string? title = null, string? moduleId = null) =>
        portal.InContextAsync<NotificationDbContext, int>(db => db.Notifications.IgnoreQueryFilters()
            .CountAsync(n => n.AgencyId == agencyId && (title == null || n.Title == title) && (moduleId == null || n.ModuleId == moduleId)));

    /// <summary>The files in the store, every agency's.</summary>
    public static Task<int> StoredFileCountAsync(this PortalFactory portal) =>
        portal.InContextAsync<FileDbContext, int>(db => db.StoredFiles.IgnoreQueryFilters().CountAsync());
}
