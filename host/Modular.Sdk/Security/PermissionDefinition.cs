namespace Modular.Sdk;

/// <summary>A permission a module checks. Names are "&lt;module-id&gt;.&lt;action&gt;".</summary>
public sealed record PermissionDefinition(string Name, LocalizedText Display, IReadOnlyList<string> DefaultRoles);

/// <summary>Role names known to every module. A user holds agency roles in each agency they belong to.</summary>
public static class Roles
{
    /// <summary>Central IT: agencies, plugins, which modules each agency may use.</summary>
    public const string PlatformAdmin = "platform-admin";
    /// <summary>The agency's own administrator (Party office): turns modules on and off, settings.</summary>
    public const string AgencyAdmin = "agency-admin";
    /// <summary>Every member of the agency.</summary>
    public const string Member = "member";

    public static readonly IReadOnlyList<string> AgencyRoles = [AgencyAdmin, Member];
}

public interface IPermissionChecker
{
    /// <summary>True when the current user holds the permission in the current agency.</summary>
    bool IsGranted(string permission);
}
