using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Modular.Host.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

/// <summary>
/// Builds the identities OpenIddict turns into tokens. They are made fresh from the account, never copied
/// from the portal's cookie, and every claim is given its destinations explicitly: a claim without one
/// reaches no token.
/// </summary>
public sealed class OidcPrincipals(UserManager<PortalUser> users, HostDbContext db)
{
    public sealed record AgencyInfo(int Id, string Name, IReadOnlyList<string> Roles);

    /// <summary>The user's membership in the agency, or null when they no longer belong to it (or it is suspended).</summary>
    public async Task<AgencyInfo?> FindAgencyAsync(string userId, int agencyId, CancellationToken ct) =>
        await db.HonouredMemberships().AsNoTracking()
            .Where(m => m.UserId == userId && m.AgencyId == agencyId && m.Agency!.Status == AgencyStatus.Active)
            .Select(m => new { m.AgencyId, Name = m.Agency!.ShortName == "" ? m.Agency.Name : m.Agency.ShortName, m.Roles })
            .FirstOrDefaultAsync(ct) is { } m
            ? new AgencyInfo(m.AgencyId, m.Name, m.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : null;

    public async Task<ClaimsPrincipal> ForUserAsync(PortalUser user, AgencyInfo? agency, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName);
        if (!string.IsNullOrEmpty(user.Email)) identity.SetClaim(Claims.Email, user.Email);
        var roles = (await users.GetRolesAsync(user)).Concat(agency?.Roles ?? []).Distinct().ToImmutableArray();
        identity.SetClaims(Claims.Role, roles);
        if (agency is not null)
        {
            identity.SetClaim(OidcClaims.AgencyId, agency.Id.ToString())
                .SetClaim(OidcClaims.AgencyName, agency.Name)
                .SetClaims(OidcClaims.AgencyRole, agency.Roles.ToImmutableArray());
        }
        identity.SetScopes(scopes);
        if (scopes.Contains(OidcScopes.ModulesApi)) identity.SetResources(OidcScopes.ModulesAudience);
        identity.SetDestinations(c => UserDestinations(c, scopes));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>An application acting for itself (client credentials), in one agency.</summary>
    public static ClaimsPrincipal ForClient(string clientId, string displayName, int agencyId, string agencyName, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName)
            .SetClaim(OidcClaims.AgencyId, agencyId.ToString())
            .SetClaim(OidcClaims.AgencyName, agencyName)
            .SetClaim(OidcClaims.ClientApplication, "true");
        identity.SetScopes(scopes);
        if (scopes.Contains(OidcScopes.ModulesApi)) identity.SetResources(OidcScopes.ModulesAudience);
        identity.SetDestinations(c => c.Type is Claims.Subject or Claims.Name or OidcClaims.AgencyId or OidcClaims.AgencyName or OidcClaims.ClientApplication
            ? [Destinations.AccessToken]
            : []);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> UserDestinations(Claim claim, ImmutableArray<string> scopes)
    {
        bool Has(string scope) => scopes.Contains(scope);
        var api = Has(OidcScopes.ModulesApi);
        switch (claim.Type)
        {
            case Claims.Subject:
                return [Destinations.AccessToken, Destinations.IdentityToken];
            case Claims.Name or Claims.PreferredUsername:
                return Has(Scopes.Profile) ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken];
            case Claims.Email:
                return Has(Scopes.Email) ? [Destinations.AccessToken, Destinations.IdentityToken] : [];
            case Claims.Role:
                return Has(Scopes.Roles) ? [Destinations.AccessToken, Destinations.IdentityToken] : [];
            case OidcClaims.AgencyId or OidcClaims.AgencyName:
                if (Has(OidcScopes.Agency)) return [Destinations.AccessToken, Destinations.IdentityToken];
                return api ? [Destinations.AccessToken] : [];
            case OidcClaims.AgencyRole:
                // Module APIs check permissions by agency role.
                return api ? [Destinations.AccessToken] : [];
            default:
                return [];
        }
    }
}
