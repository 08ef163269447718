namespace Modular.Host.Tenancy;

public static class PortalClaims
{
    public const string AgencyId = "agency_id";
    public const string AgencyName = "agency_name";
    public const string AgencyRole = "agency_role";
    public const string DisplayName = "display_name";
    /// <summary>Present while the account must set a new password (initial or expired).</summary>
    public const string MustChangePassword = "must_change_password";
}
