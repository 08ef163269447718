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
        if (users.GetUserId(user) is { } subject)
        {
            await foreach (var authorization in authorizations.FindBySubjectAsync(subject, ct))
                await authorizations.TryRevokeAsync(authorization, ct);
            await foreach (var token in tokens.FindBySubjectAsync(subject, ct))
                await tokens.TryRevokeAsync(token, ct);
        }
        await signIn.SignOutAsync();
    }
}
