namespace Modular.Host.Tenancy;

public static class PortalClaims
{
    public const string AgencyId = "agency_id";
    public const string AgencyName = "agency_name";
    public const string AgencyRole = "agency_role";
    public const string DisplayName = "display_name";
    /// <summary>Present while the account must set a new password (initial or expired).</summary>
    public const string MustChangePassword = "must_change_password";
    /// <summary>
    /// The session's property (not a claim) holding when the person last typed their password: set at sign-in and kept
    /// when the session is renewed or refreshed. OIDC's <c>prompt=login</c> compares it with the time of the request.
    /// </summary>
    public const string SignedInItem = "modular.signed_in";
}
