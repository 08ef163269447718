using Modular.Sdk;

namespace Modular.Host.Data;

public static class MembershipQueries
{
    private static readonly string[] PlatformRoleNames = [.. Roles.PlatformRoles];

    /// <summary>
    /// Memberships that count: none of an account holding a platform role (三员分立). The portal refuses to make
    /// such a membership, but a database from before the rule may hold one; it gives no agency rights and the
    /// platform's accounts page shows it for removal.
    /// </summary>
    public static IQueryable<AgencyMembership> HonouredMemberships(this HostDbContext db) =>
        db.AgencyMemberships.Where(m => !db.UserRoles.Any(ur => ur.UserId == m.UserId
            && db.Roles.Any(r => r.Id == ur.RoleId && PlatformRoleNames.Contains(r.Name!))));

    /// <summary>Whether the account holds one of the three platform roles.</summary>
    public static IQueryable<string> PlatformRoleHolders(this HostDbContext db) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where PlatformRoleNames.Contains(r.Name!)
        select ur.UserId;
}
