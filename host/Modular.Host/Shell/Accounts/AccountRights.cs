using Modular.Sdk;

namespace Modular.Host.Shell.Accounts;

/// <summary>
/// Who may change whose rights (三员分立). An account holding a platform role (system, security or audit
/// administrator) belongs to no agency; nobody changes their own roles or memberships; an agency always keeps an
/// administrator. Each check returns the resource key of the refusal, or null when the change may go ahead.
/// </summary>
public static class AccountRights
{
    public const string OwnRights = "You cannot change your own roles or memberships.";
    public const string PlatformAccountInAgency = "An account that holds a platform administrator role (system, security or audit) cannot belong to an agency.";
    public const string AgencyAccountToPlatform = "This account belongs to an agency. A platform administrator role is given only to an account that belongs to none: remove it from its agencies first.";
    public const string LastAdministrator = "An agency must keep at least one administrator: make another account its administrator first.";

    public static bool IsPlatformRole(string role) => Roles.PlatformRoles.Contains(role);

    /// <summary>What a membership change does to the account in that agency.</summary>
    public enum MembershipChange { Add, SetAdministrator, SetDisciplineInspection, Remove }

    /// <param name="actingUserId">The account making the change (null outside a request: seeding, tests of services).</param>
    /// <param name="targetUserId">The account whose membership changes.</param>
    /// <param name="targetHoldsPlatformRole">Whether that account holds a platform role.</param>
    /// <param name="adminBefore">Whether it is the agency's administrator now (false when it is being added).</param>
    /// <param name="adminAfter">Whether it is the agency's administrator after the change (false when removed).</param>
    /// <param name="administrators">How many accounts administer the agency now, counting only honoured memberships.</param>
    public static string? CheckMembership(MembershipChange change, string? actingUserId, string targetUserId,
        bool targetHoldsPlatformRole, bool adminBefore, bool adminAfter, int administrators)
    {
        if (actingUserId is not null && actingUserId == targetUserId) return OwnRights;
        // Removing such a membership is what the platform should do with one left from before the rule.
        if (targetHoldsPlatformRole) return change == MembershipChange.Remove ? null : PlatformAccountInAgency;
        if (adminBefore && !adminAfter && administrators <= 1) return LastAdministrator;
        return null;
    }

    /// <param name="newRole">The platform role to hold after the change, or null for none.</param>
    /// <param name="agencyMemberships">How many agency memberships the account has (honoured or not).</param>
    public static string? CheckPlatformRole(string? actingUserId, string targetUserId, string? newRole, int agencyMemberships)
    {
        if (actingUserId is not null && actingUserId == targetUserId) return OwnRights;
        if (newRole is not null && agencyMemberships > 0) return AgencyAccountToPlatform;
        return null;
    }
}
