using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>
/// Messages from the committee to an agency's Party office: every account holding the agency administrator role there
/// that has a member record in the agency gets the notice on its bell and in 我的消息.
/// </summary>
public sealed class AgencyOffices(HostDbContext db, IServiceScopeFactory scopes)
{
    /// <summary>The notices' module id: the committee's, no module's.</summary>
    public const string ModuleId = "oversight";

    /// <returns>How many members were told.</returns>
    public async Task<int> NotifyAsync(int agencyId, Notice notice, CancellationToken ct)
    {
        var users = (await db.AgencyMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId).ToListAsync(ct))
            .Where(m => m.RoleList.Contains(Roles.AgencyAdmin)).Select(m => m.UserId).ToList();
        if (users.Count == 0) return 0;
        // The agency's own scope: its directory and notices are filtered by it, so nothing lands elsewhere.
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = scopes.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.AsNoTracking()
            .Where(m => m.UserId != null && users.Contains(m.UserId)).Select(m => m.Id).ToListAsync(ct);
        await scope.ServiceProvider.GetRequiredService<INotifications>().SendAsync(ModuleId, members, notice, ct);
        return members.Count;
    }
}
