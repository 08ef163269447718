using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Modular.Host.Data;

namespace Modular.Host.Security;

/// <summary>Identity's user manager, plus the baseline's rule that initial and expired passwords must be changed.</summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    SecurityOptions security,
    TimeProvider clock)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>True when the account must set a new password before doing anything else.</summary>
    public bool MustChangePassword(PortalUser user) =>
        user.MustChangePassword
        || (security.PasswordMaxAgeDays > 0 && user.PasswordChangedAt is { } changed && changed < clock.GetUtcNow().UtcDateTime.AddDays(-security.PasswordMaxAgeDays));

    // Identity's own lockout reads the wall clock (.NET 10); these two put it on the host's clock, which the account
    // lists and feed links compare the lockout's end with, and which tests move.

    /// <summary>Locked while the lockout's end is still ahead on the host's clock.</summary>
    public override async Task<bool> IsLockedOutAsync(PortalUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var store = LockoutStore();
        if (!await store.GetLockoutEnabledAsync(user, CancellationToken)) return false;
        return await store.GetLockoutEndDateAsync(user, CancellationToken) is { } end && end >= clock.GetUtcNow();
    }

    /// <summary>Counts a failed attempt; at the limit, locks the account for the configured time from now on the host's clock.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var store = LockoutStore();
        var count = await store.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts) return await UpdateUserAsync(user);
        Logger.LogDebug("User is locked out.");
        await store.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await store.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }

    private IUserLockoutStore<PortalUser> LockoutStore() =>
        Store as IUserLockoutStore<PortalUser> ?? throw new NotSupportedException("The user store does not support lockout.");
}
