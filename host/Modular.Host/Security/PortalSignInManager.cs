using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Modular.Host.Data;

namespace Modular.Host.Security;

/// <summary>
/// Identity's sign-in, doing the same work whether or not the name exists: Identity answers an unknown name and a
/// locked account at once, without checking the password, so the time of a refusal told which names are real.
/// Here both check the password against a stand-in hash made by the same hasher first.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    Operations.HostMetrics metrics)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _standInHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendPasswordCheck(password);
            return Counted(SignInResult.Failed);
        }
        return Counted(await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure));
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        return Counted(await CountingLockoutAsync(user, () => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient)));
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        return Counted(await CountingLockoutAsync(user, () => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode)));
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses these before it looks at the password; refuse them after the same work.
        if (!await CanSignInAsync(user) || await IsLockedOutAsync(user))
            SpendPasswordCheck(password);
        return await CountingLockoutAsync(user, () => base.CheckPasswordSignInAsync(user, password, lockoutOnFailure));
    }

    /// <summary>A sign-in that finished (a password that asks for the second factor has not yet): counted by outcome.</summary>
    private SignInResult Counted(SignInResult result)
    {
        if (!result.RequiresTwoFactor)
            metrics.SignIn(result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked_out" : "failed");
        return result;
    }

    /// <summary>Counts a lockout when this attempt locked the account (not when it was locked already).</summary>
    private async Task<SignInResult> CountingLockoutAsync(PortalUser? user, Func<Task<SignInResult>> attempt)
    {
        var lockedBefore = user is not null && await IsLockedOutAsync(user);
        var result = await attempt();
        if (user is not null && !lockedBefore && await IsLockedOutAsync(user)) metrics.Lockout();
        return result;
    }

    private async Task<bool> IsLockedOutAsync(PortalUser user) => UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);

    /// <summary>Checks the password against a hash no password matches: the cost of a real check, and no answer.</summary>
    private void SpendPasswordCheck(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = _standInHash ??= hasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(new PortalUser(), hash, password ?? "");
    }
}
