using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Modular.Host.Data;

namespace Modular.Host.Tenancy;

/// <summary>
/// Identity's periodic session check, keeping the session in the agency it was in: the rebuilt principal
/// gets that agency's current roles if the user still belongs there and it is active (otherwise the
/// factory's choice stands, which may be no agency at all).
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<PortalUser> signInManager,
    ILoggerFactory logger,
    IUserClaimsPrincipalFactory<PortalUser> factory)
    : SecurityStampValidator<PortalUser>(options, signInManager, logger)
{
    protected override async Task SecurityStampVerified(PortalUser user, CookieValidatePrincipalContext context)
    {
        var previousAgency = context.Principal?.FindFirst(PortalClaims.AgencyId)?.Value;
        await base.SecurityStampVerified(user, context);
        if (int.TryParse(previousAgency, out var agencyId) && context.Principal is { } principal && factory is PortalClaimsFactory portal)
            await portal.ReapplyAgencyAsync(principal, agencyId);
    }
}
