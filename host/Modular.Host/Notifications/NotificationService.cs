using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Notifications;

/// <summary>Sends notices to members and reads the signed-in member's own; the unread count is cached briefly per member.</summary>
public sealed class NotificationService(NotificationDbContext db, DirectoryDbContext directoryDb, IDirectory directory, ICurrentAgency agency, IMemoryCache cache, TimeProvider clock) : INotifications
{
    private static readonly TimeSpan CountLifetime = TimeSpan.FromSeconds(30);
    public const int PageSize = 20;

    public async Task SendAsync(string moduleId, IEnumerable<int> memberIds, Notice notice, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notice.Title);
        var wanted = memberIds.Distinct().ToList();
        if (wanted.Count == 0 || agency.Id is not { } agencyId) return;
        // Only members of this agency (the context's filter) receive it.
        var members = await directoryDb.Members.Where(m => wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var url = HostSetup.IsLocalPath(notice.Url) ? notice.Url : null;
        foreach (var id in members)
        {
            db.Notifications.Add(new Notification
            {
                MemberId = id, ModuleId = Trim(moduleId, 40), Title = Trim(notice.Title, 200),
                Body = notice.Body is null ? null : Trim(notice.Body, 2000), Url = url, CreatedAt = now,
            });
            cache.Remove(CountKey(agencyId, id));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Unread notices of the signed-in member in the current agency (0 without a member record).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        if (agency.Id is not { } agencyId || await directory.GetCurrentMemberAsync(ct) is not { } me) return 0;
        return await cache.GetOrCreateAsync(CountKey(agencyId, me.Id), e =>
        {
            e.AbsoluteExpirationRelativeToNow = CountLifetime;
            return db.Notifications.CountAsync(n => n.MemberId == me.Id && n.ReadAt == null, ct);
        });
    }

    public async Task<(IReadOnlyList<Notification> Items, int Total)> ListAsync(int page, CancellationToken ct = default)
    {
        if (await directory.GetCurrentMemberAsync(ct) is not { } me) return ([], 0);
        var q = db.Notifications.AsNoTracking().Where(n => n.MemberId == me.Id);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Marks one notice (or, without an id, all) of the signed-in member read; returns the notice's link.</summary>
    public async Task<string?> MarkReadAsync(long? id, CancellationToken ct = default)
    {
        if (agency.Id is not { } agencyId || await directory.GetCurrentMemberAsync(ct) is not { } me) return null;
        var q = db.Notifications.Where(n => n.MemberId == me.Id && n.ReadAt == null);
        if (id is { } one) q = q.Where(n => n.Id == one);
        var now = clock.GetUtcNow();
        await q.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        cache.Remove(CountKey(agencyId, me.Id));
        return id is { } only
            ? await db.Notifications.Where(n => n.Id == only && n.MemberId == me.Id).Select(n => n.Url).FirstOrDefaultAsync(ct)
            : null;
    }

    private static string CountKey(int agencyId, int memberId) => $"notices:{agencyId}:{memberId}";
    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
