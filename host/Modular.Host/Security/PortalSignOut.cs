using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Data;
using OpenIddict.Abstractions;

namespace Modular.Host.Security;

/// <summary>
/// Ends the portal session and, with it, what single sign-on gave the user's clients: their grants and tokens
/// are revoked, so no client can renew a session the user has closed (refresh tokens stop at once).
/// </summary>
public sealed class PortalSignOut(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, Auditing.AuditLog audit,
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task SignOutAsync(ClaimsPrincipal user, string? via = null, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return;
        await audit.WriteAsync("sign-out", "Account:" + user.Identity.Name, via);
        if (users.GetUserId(user) is { } subject) await RevokeClientsAsync(subject, ct);
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// "Sign out everywhere": every other browser session fails its next check (new security stamp), every client's
    /// grants and tokens are revoked; the session that asks stays signed in.
    /// </summary>
    public async Task SignOutEverywhereAsync(PortalUser user, CancellationToken ct = default)
    {
        await users.UpdateSecurityStampAsync(user);
        await RevokeClientsAsync(user.Id, ct);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("sign-out-everywhere", "Account:" + user.UserName, null, true, ct);
    }

    private async Task RevokeClientsAsync(string subject, CancellationToken ct)
    {
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, ct))
            await authorizations.TryRevokeAsync(authorization, ct);
        await foreach (var token in tokens.FindBySubjectAsync(subject, ct))
            await tokens.TryRevokeAsync(token, ct);
    }
}
