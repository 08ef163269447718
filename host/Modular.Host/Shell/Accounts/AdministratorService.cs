using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Shell.Accounts;

/// <summary>
/// The three administrators (三员分立): each account holds at most one of the system, security and audit
/// roles. Only the security administrator assigns them, never to their own account.
/// </summary>
public sealed class AdministratorService(UserManager<PortalUser> users, HostDbContext db, AuditLog audit, IText text, DatabaseLocks locks, TimeProvider clock)
{
    public sealed record AdminRow(string UserId, string UserName, string DisplayName, string? Role, bool LockedOut, DateTimeOffset? LockoutEnd);

    public async Task<IReadOnlyList<AdminRow>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roleNames = Roles.PlatformRoles.ToList();
        var holders = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where roleNames.Contains(r.Name!)
                             select new { ur.UserId, r.Name }).ToListAsync(ct);
        var ids = holders.Select(h => h.UserId).ToHashSet();
        // SQLite cannot compare DateTimeOffset in SQL: filter locked accounts in memory (there are few).
        var candidates = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) || u.LockoutEnd != null).ToListAsync(ct);
        return candidates.Where(u => ids.Contains(u.Id) || u.LockoutEnd > now)
            .OrderBy(u => u.UserName)
            .Select(u => new AdminRow(u.Id, u.UserName!, u.DisplayName, holders.FirstOrDefault(h => h.UserId == u.Id)?.Name, u.LockoutEnd > now, u.LockoutEnd))
            .ToList();
    }

    /// <summary>Gives the account exactly this administrator role (or none); returns an error message or null.</summary>
    /// <remarks>
    /// An account that belongs to an agency gets no platform role (三员分立: the platform sees counts, never people).
    /// Checked and saved under the same lock as membership changes, so the two cannot cross.
    /// </remarks>
    public async Task<string?> SetRoleAsync(string actingUserId, string userName, string? role, CancellationToken ct)
    {
        if (role is not null && !Roles.PlatformRoles.Contains(role)) return text["Choose one of the platform roles."];
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null) return text["There is no account with this user name."];
        if (user.Id == actingUserId)
        {
            await audit.WriteAsync(role is null ? "platform.role.revoked" : "platform.role.granted", "Account:" + user.UserName, $"role {role ?? "none"}; refused: own account", false, ct);
            return text["You cannot change your own administrator role."];
        }
        string? refused = null;
        var granted = new List<string>();
        var revoked = new List<string>();
        await MembershipService.InLockAsync(db, locks, async () =>
        {
            var memberships = await db.AgencyMemberships.CountAsync(m => m.UserId == user.Id, ct);
            refused = AccountRights.CheckPlatformRole(actingUserId, user.Id, role, memberships);
            if (refused is not null) return false;
            foreach (var existing in Roles.PlatformRoles)
            {
                if (existing != role && await users.IsInRoleAsync(user, existing))
                {
                    await users.RemoveFromRoleAsync(user, existing);
                    revoked.Add(existing);
                }
            }
            if (role is not null && !await users.IsInRoleAsync(user, role))
            {
                await users.AddToRoleAsync(user, role);
                granted.Add(role);
            }
            await users.UpdateSecurityStampAsync(user); // the new role applies at once, also in open sessions
            return true;
        }, ct);
        if (refused is not null)
        {
            await audit.WriteAsync("platform.role.granted", "Account:" + user.UserName, $"role {role}; refused: {refused}", false, ct);
            return text[refused];
        }
        // Who gave whom what: the actor is the line's user, the account its target.
        foreach (var r in revoked) await audit.WriteAsync("platform.role.revoked", "Account:" + user.UserName, $"account {user.UserName}; role {r}", true, ct);
        foreach (var r in granted) await audit.WriteAsync("platform.role.granted", "Account:" + user.UserName, $"account {user.UserName}; role {r}", true, ct);
        return null;
    }

    public async Task<bool> UnlockAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync("account.unlock", "Account:" + user.UserName, null, true, ct);
        return true;
    }
}
