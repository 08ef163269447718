using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Data;

namespace Modular.Host.Security;

/// <summary>
/// Pages that ask a signed-in person for their password again (turning off the second factor, changing the password).
/// A wrong password counts toward the same lockout as sign-in, so a borrowed or stolen session cannot guess without end;
/// when the account locks, every session of it ends (the security stamp changes) and this one is signed out.
/// The pages are rate-limited like sign-in as well (see HostSetup).
/// </summary>
public sealed class PasswordReconfirmation(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, PortalSignOut signOut)
{
    public enum Outcome { Confirmed, Wrong, Locked }

    public async Task<Outcome> CheckAsync(ClaimsPrincipal session, PortalUser user, string? password)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.Succeeded) return Outcome.Confirmed;
        if (!result.IsLockedOut) return Outcome.Wrong;
        await users.UpdateSecurityStampAsync(user);
        await signOut.SignOutAsync(session, "locked after wrong passwords");
        return Outcome.Locked;
    }
}
