using System.Security.Claims;
using Modular.Sdk;

namespace Modular.Host.Tenancy;

/// <summary>Current agency and user from the signed-in session's claims (or an <see cref="AgencyScope"/>).</summary>
public sealed class CurrentAgency(IHttpContextAccessor http) : ICurrentAgency
{
    public int? Id => AgencyScope.Override?.Id ?? ReadId(http.HttpContext?.User);
    public string? Name => AgencyScope.Override is { } o ? o.Name : http.HttpContext?.User.FindFirstValue(PortalClaims.AgencyName);

    internal static int? ReadId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(PortalClaims.AgencyId), out var id) ? id : null;
}

public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    // Cookie sessions use the framework's claim types; access tokens use OpenID Connect's.
    public string? Id => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal!.FindFirstValue("sub") : null;
    public string? UserName => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Name) ?? Principal!.FindFirstValue("preferred_username") ?? Principal!.FindFirstValue("name") : null;
    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue(PortalClaims.DisplayName) ?? UserName : null;
    public bool IsPlatformAdmin => IsInPlatformRole(Roles.PlatformAdmin);
    public bool IsInPlatformRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    public IReadOnlyCollection<string> AgencyRoles =>
        IsAuthenticated ? Principal!.FindAll(PortalClaims.AgencyRole).Select(c => c.Value).ToHashSet() : [];

    // Asked for each menu item's roles: a look at the claims, not a set built per question.
    public bool IsInAgencyRole(string role) => IsAuthenticated && Principal!.HasClaim(PortalClaims.AgencyRole, role);
}
