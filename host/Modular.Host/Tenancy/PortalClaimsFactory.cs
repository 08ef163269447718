using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.Host.Data;
using Modular.Host.Security;

namespace Modular.Host.Tenancy;

/// <summary>
/// Builds the session's principal: the account, its platform roles, and the agency the session is in
/// (the last one chosen, if the user still belongs to it and it is active) with the roles held there.
/// </summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    HostDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (UserManager is Security.PortalUserManager manager && manager.MustChangePassword(user))
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "1"));

        var memberships = await MembershipsAsync(user.Id);
        var current = memberships.FirstOrDefault(m => m.AgencyId == user.LastAgencyId) ?? memberships.FirstOrDefault();
        if (current is not null) AddAgency(identity, current);
        return identity;
    }

    private sealed record Membership(int AgencyId, string Name, string Roles);

    private Task<List<Membership>> MembershipsAsync(string userId) =>
        db.HonouredMemberships().AsNoTracking()
            .Where(m => m.UserId == userId && m.Agency!.Status == AgencyStatus.Active)
            .OrderBy(m => m.AgencyId)
            .Select(m => new Membership(m.AgencyId, m.Agency!.ShortName == "" ? m.Agency.Name : m.Agency.ShortName, m.Roles))
            .ToListAsync();

    private static void AddAgency(ClaimsIdentity identity, Membership m) => AddAgency(identity, m.AgencyId, m.Name, m.Roles);

    /// <summary>The agency claims of a principal: the agency, its short name, and the roles held there (comma-separated).</summary>
    public static void AddAgency(ClaimsIdentity identity, int agencyId, string name, string roles)
    {
        identity.AddClaim(new Claim(PortalClaims.AgencyId, agencyId.ToString()));
        identity.AddClaim(new Claim(PortalClaims.AgencyName, name));
        foreach (var role in roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            identity.AddClaim(new Claim(PortalClaims.AgencyRole, role));
    }

    /// <summary>
    /// For a refreshed session: put it back in the agency it was in, with that agency's current roles, if the
    /// user still belongs there and the agency is active; otherwise it keeps what the factory chose (or none).
    /// </summary>
    public async Task ReapplyAgencyAsync(ClaimsPrincipal principal, int agencyId)
    {
        if (principal.Identity is not ClaimsIdentity identity) return;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        var membership = (await MembershipsAsync(userId)).FirstOrDefault(m => m.AgencyId == agencyId);
        if (membership is null) return;
        foreach (var c in identity.Claims.Where(c => c.Type is PortalClaims.AgencyId or PortalClaims.AgencyName or PortalClaims.AgencyRole).ToList())
            identity.RemoveClaim(c);
        AddAgency(identity, membership);
    }
}
