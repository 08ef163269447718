using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Sdk;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

/// <summary>The pass-through endpoints of the provider that need no page: token, userinfo, end-session.</summary>
public static class OidcEndpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapOidcEndpoints(this WebApplication app)
    {
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Scheme]);

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
        OidcPrincipals principals, IOpenIddictApplicationManager apps, HostDbContext db, AuditLog audit, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(Scheme);
            var granted = result.Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (granted is null || user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
                return Refuse(Errors.InvalidGrant, "The account can no longer sign in.");
            // Rebuilt from the account as it is now; the agency stays the one the user consented in.
            OidcPrincipals.AgencyInfo? agency = null;
            if (int.TryParse(granted.GetClaim(OidcClaims.AgencyId), out var agencyId))
            {
                agency = await principals.FindAgencyAsync(user.Id, agencyId, ct);
                if (agency is null) return Refuse(Errors.InvalidGrant, "The account no longer belongs to the agency of this grant.");
            }
            // The client may have been narrowed to other agencies since the grant.
            var client = await apps.FindByClientIdAsync(request.ClientId!, ct);
            if (client is null || !ClientAccess.Allows(await ClientAccess.AgenciesAsync(apps, client, ct), agency?.Id))
                return Refuse(Errors.InvalidGrant, "The application no longer serves the agency of this grant.");
            var principal = await principals.ForUserAsync(user, agency, granted.GetScopes());
            return Results.SignIn(principal, authenticationScheme: Scheme);
        }
        if (request.IsClientCredentialsGrantType())
        {
            var application = await apps.FindByClientIdAsync(request.ClientId!, ct);
            if (application is null) return Refuse(Errors.InvalidClient, "Unknown client.");
            var allowed = await ClientAccess.AgenciesAsync(apps, application, ct);
            // The token acts in one agency: the one asked for, or the only one the client serves.
            int? agencyId = int.TryParse((string?)request["agency_id"], out var asked) ? asked : allowed.Count == 1 ? allowed[0] : null;
            if (agencyId is null || !ClientAccess.Allows(allowed, agencyId))
                return Refuse(Errors.InvalidRequest, "Name one agency the client may act in (agency_id).");
            var agency = await db.Agencies.FindAsync([agencyId.Value], ct);
            if (agency is null || agency.Status != AgencyStatus.Active) return Refuse(Errors.InvalidRequest, "Unknown or suspended agency.");
            var principal = OidcPrincipals.ForClient(request.ClientId!, await apps.GetDisplayNameAsync(application, ct) ?? request.ClientId!,
                agency.Id, agency.ShortName, request.GetScopes());
            await audit.WriteAsAsync(request.ClientId, "oidc.client-token", "Client:" + request.ClientId, $"agency {agency.Id}", true, ct);
            return Results.SignIn(principal, authenticationScheme: Scheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<PortalUser> users)
    {
        var principal = (await http.AuthenticateAsync(Scheme)).Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (principal is null || user is null)
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token is no longer valid.",
            }), [Scheme]);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = string.IsNullOrEmpty(user.DisplayName) ? user.UserName! : user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName!;
        }
        if (principal.HasScope(Scopes.Email) && !string.IsNullOrEmpty(user.Email)) claims[Claims.Email] = user.Email;
        if (principal.HasScope(Scopes.Roles)) claims[Claims.Role] = principal.GetClaims(Claims.Role);
        if (principal.HasScope(OidcScopes.Agency) && principal.GetClaim(OidcClaims.AgencyId) is { } agencyId)
        {
            claims[OidcClaims.AgencyId] = agencyId;
            claims[OidcClaims.AgencyName] = principal.GetClaim(OidcClaims.AgencyName) ?? "";
        }
        return Results.Ok(claims);
    }

    /// <summary>Ends the portal session (and so every client's single sign-on) and returns to the client.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http, Security.PortalSignOut signOut)
    {
        // Without proof of which session asks (id_token_hint), any site could sign users out: ask them instead.
        var request = http.GetOpenIddictServerRequest();
        if (http.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(request?.IdTokenHint) && HttpMethods.IsGet(http.Request.Method))
            return Results.Redirect("/Account/Logout");
        await signOut.SignOutAsync(http.User, "end-session", http.RequestAborted);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
    }
}
