using OpenIddict.Abstractions;

namespace Modular.Host.Oidc;

/// <summary>The scopes the portal grants, with what a person is told on the consent page.</summary>
public static class OidcScopes
{
    public const string Agency = "agency";
    /// <summary>API scope: the modules' APIs under /m/&lt;id&gt;/api.</summary>
    public const string ModulesApi = "modules";
    public const string ModulesAudience = "modular-modules";

    public static readonly IReadOnlyList<(string Scope, string Description)> All =
    [
        (OpenIddictConstants.Scopes.OpenId, "Confirm who you are"),
        (OpenIddictConstants.Scopes.Profile, "Your name and user name"),
        (OpenIddictConstants.Scopes.Email, "Your e-mail address"),
        (OpenIddictConstants.Scopes.Roles, "Your roles"),
        (Agency, "Your current agency"),
        (OpenIddictConstants.Scopes.OfflineAccess, "Stay signed in (refresh tokens)"),
        (ModulesApi, "Use the portal's module APIs on your behalf"),
    ];
}

/// <summary>Claim names used in tokens, shared with relying parties.</summary>
public static class OidcClaims
{
    public const string AgencyId = "agency_id";
    public const string AgencyName = "agency_name";
    public const string AgencyRole = "agency_role";
    /// <summary>"true" in the access token of a client acting for itself (client credentials): its rights are its grants.</summary>
    public const string ClientApplication = "client_app";
}
