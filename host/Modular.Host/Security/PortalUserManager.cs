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
    SecurityOptions security)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>True when the account must set a new password before doing anything else.</summary>
    public bool MustChangePassword(PortalUser user) =>
        user.MustChangePassword
        || (security.PasswordMaxAgeDays > 0 && user.PasswordChangedAt is { } changed && changed < DateTime.UtcNow.AddDays(-security.PasswordMaxAgeDays));
}
