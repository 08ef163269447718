namespace Modular.Sdk;

/// <summary>A permission a module checks. Names are "&lt;module-id&gt;.&lt;action&gt;".</summary>
public sealed record PermissionDefinition(string Name, LocalizedText Display, IReadOnlyList<string> DefaultRoles);

/// <summary>Role names known to every module. A user holds agency roles in each agency they belong to.</summary>
public static class Roles
{
    /// <summary>Central IT's system administrator (系统管理员): agencies, accounts, plugins, which modules each agency may use.</summary>
    public const string PlatformAdmin = "platform-admin";
    /// <summary>Security administrator (安全管理员): the administrators' roles, unlocking accounts, security policies.</summary>
    public const string SecurityAdmin = "security-admin";
    /// <summary>Audit administrator (审计管理员): reads, exports and verifies the audit log, nothing else.</summary>
    public const string AuditAdmin = "audit-admin";
    /// <summary>
    /// The city's organ work committee (市直机关工委): figures of every agency that shares them, tasks to agencies' Party
    /// offices; belongs to no agency and sees no person's data. Given by the security administrator. Since 1.6.0.
    /// </summary>
    public const string OversightCommittee = "oversight-committee";
    /// <summary>The three administrators.</summary>
    public static readonly IReadOnlyList<string> Administrators = [PlatformAdmin, SecurityAdmin, AuditAdmin];
    /// <summary>
    /// The roles outside any agency: the three administrators and (since 1.6.0) the organ work committee; no account may
    /// hold two of them, and none holds an agency membership.
    /// </summary>
    public static readonly IReadOnlyList<string> PlatformRoles = [PlatformAdmin, SecurityAdmin, AuditAdmin, OversightCommittee];
    /// <summary>The agency's own administrator (Party office): turns modules on and off, settings.</summary>
    public const string AgencyAdmin = "agency-admin";
    /// <summary>Every member of the agency.</summary>
    public const string Member = "member";

    /// <summary>The roles every agency has.</summary>
    public static readonly IReadOnlyList<string> AgencyRoles = [AgencyAdmin, Member];
    /// <summary>The agency's discipline inspection (纪检): given to an account by the agency's administrator, beside its other roles.</summary>
    public const string DisciplineInspection = "discipline-inspection";
}

/// <summary>Answers whether the current user holds a permission (from the roles the module's permissions name).</summary>
public interface IPermissionChecker
{
    /// <summary>True when the current user holds the permission in the current agency.</summary>
    bool IsGranted(string permission);
}
