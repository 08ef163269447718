using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Files;
using Modular.Host.Notifications;

namespace Modular.Tests.Infrastructure;

/// <summary>The host's notices, stored files and audit trail as a test counts them: through their DbContexts, every agency's rows.</summary>
public static class HostData
{
    /// <summary>The notices an agency's members were sent with this title and/or from this module.</summary>
    public static Task<int> NoticeCountAsync(this PortalFactory portal, int agencyId, string? title = null, string? moduleId = null) =>
        portal.InContextAsync<NotificationDbContext, int>(db => db.Notifications.IgnoreQueryFilters()
            .CountAsync(n => n.AgencyId == agencyId && (title == null || n.Title == title) && (moduleId == null || n.ModuleId == moduleId)));

    /// <summary>The files in the store, every agency's.</summary>
    public static Task<int> StoredFileCountAsync(this PortalFactory portal) =>
        portal.InContextAsync<FileDbContext, int>(db => db.StoredFiles.IgnoreQueryFilters().CountAsync());

    /// <summary>The ids of the stored files kept under an owner key (e.g. a module record's), every agency's.</summary>
    public static Task<List<int>> StoredFileIdsAsync(this PortalFactory portal, string ownerKey) =>
        portal.InContextAsync<FileDbContext, List<int>>(db => db.StoredFiles.IgnoreQueryFilters().Where(f => f.OwnerKey == ownerKey).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync());

    public static Task<bool> StoredFileExistsAsync(this PortalFactory portal, int fileId) =>
        portal.InContextAsync<FileDbContext, bool>(db => db.StoredFiles.IgnoreQueryFilters().AnyAsync(f => f.Id == fileId));

    /// <summary>Puts a small PDF straight into the store under an owner key of an agency's module, as an upload of the module would be kept.</summary>
    public static async Task<int> AddStoredFileAsync(this PortalFactory portal, int agencyId, string moduleId, string ownerKey)
    {
        await portal.ExecAsync("INSERT INTO host_file (\"AgencyId\", \"ModuleId\", \"OwnerKey\", \"FileName\", \"ContentType\", \"Length\", \"CreatedAt\") " +
            "VALUES (@a, @m, @o, 'evidence.pdf', 'application/pdf', 4, @t)", ("a", agencyId), ("m", moduleId), ("o", ownerKey), ("t", DateTimeOffset.UtcNow));
        var id = await portal.IntAsync("SELECT MAX(\"Id\") FROM host_file WHERE \"OwnerKey\" = @o", ("o", ownerKey));
        await portal.ExecAsync("INSERT INTO host_file_data (\"Id\", \"AgencyId\", \"Content\") VALUES (@i, @a, @c)", ("i", id), ("a", agencyId), ("c", "%PDF"u8.ToArray()));
        return id;
    }

    /// <summary>A stored file's agency and owner key.</summary>
    public static Task<(int AgencyId, string OwnerKey)> StoredFileOwnerAsync(this PortalFactory portal, int fileId) =>
        portal.InContextAsync<FileDbContext, (int, string)>(async db => await db.StoredFiles.IgnoreQueryFilters().Where(f => f.Id == fileId)
            .Select(f => new ValueTuple<int, string>(f.AgencyId, f.OwnerKey)).SingleAsync());

    /// <summary>How many of these files still have their content stored.</summary>
    public static Task<int> StoredContentCountAsync(this PortalFactory portal, IReadOnlyCollection<int> fileIds) =>
        portal.InContextAsync<FileDbContext, int>(db => db.StoredFileData.IgnoreQueryFilters().CountAsync(d => fileIds.Contains(d.Id)));

    /// <summary>The audit entries of an action on a target whose name ends with <paramref name="target"/> (e.g. <c>CriteriaItem#12</c>).</summary>
    public static Task<List<AuditEntry>> AuditEntriesAsync(this PortalFactory portal, string action, string target) =>
        portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action && e.Target.EndsWith(target)).OrderBy(e => e.Id).ToListAsync());
}
