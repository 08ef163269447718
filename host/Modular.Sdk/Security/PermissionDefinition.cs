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
    /// <summary>The three administrators; no account may hold two of them.</summary>
    public static readonly IReadOnlyList<string> PlatformRoles = [PlatformAdmin, SecurityAdmin, AuditAdmin];
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
