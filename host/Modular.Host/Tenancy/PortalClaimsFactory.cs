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

        var memberships = await db.AgencyMemberships.AsNoTracking()
            .Where(m => m.UserId == user.Id && m.Agency!.Status == AgencyStatus.Active)
            .Select(m => new { m.AgencyId, m.Agency!.ShortName, m.Agency.Name, m.Roles })
            .OrderBy(m => m.AgencyId)
            .ToListAsync();
        var current = memberships.FirstOrDefault(m => m.AgencyId == user.LastAgencyId) ?? memberships.FirstOrDefault();
        if (current is not null)
        {
            identity.AddClaim(new Claim(PortalClaims.AgencyId, current.AgencyId.ToString()));
            identity.AddClaim(new Claim(PortalClaims.AgencyName, string.IsNullOrEmpty(current.ShortName) ? current.Name : current.ShortName));
            foreach (var role in current.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                identity.AddClaim(new Claim(PortalClaims.AgencyRole, role));
        }
        return identity;
    }
}
