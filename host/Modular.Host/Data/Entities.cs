using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Modular.Sdk;

namespace Modular.Host.Data;

[Modular.Host.Auditing.NotAudited("Accounts are audited as named events (created, roles, locked, password changed).")]
public sealed class PortalUser : IdentityUser, ICreatedAt
{
    [MaxLength(50)] public string DisplayName { get; set; } = "";
    /// <summary>The agency chosen last; the session starts there at the next sign-in.</summary>
    public int? LastAgencyId { get; set; }
    /// <summary>UTC; set on first save from the host's clock.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>UTC; passwords older than the configured age must be changed.</summary>
    public DateTime? PasswordChangedAt { get; set; }
    /// <summary>Set for passwords given by an administrator: the owner must choose their own first.</summary>
    public bool MustChangePassword { get; set; }
}

public enum AgencyStatus { Active = 0, Suspended = 1 }

/// <summary>A tenant: one government agency using the portal.</summary>
public sealed class Agency : IVersioned, ICreatedAt
{
    public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    [MaxLength(30)] public string ShortName { get; set; } = "";
    /// <summary>Unique code, e.g. the unified social credit code or an internal number.</summary>
    [MaxLength(30)] public string Code { get; set; } = "";
    public AgencyStatus Status { get; set; }
    /// <summary>UTC; set on first save from the host's clock.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A user's place in an agency, with the roles held there.</summary>
public sealed class AgencyMembership
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }
    /// <summary>Comma-separated agency role names (see <see cref="Roles"/>).</summary>
    [MaxLength(200)] public string Roles { get; set; } = Modular.Sdk.Roles.Member;

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Whether an agency may use a module (platform's decision), whether it has it on (agency's), and its settings.</summary>
public sealed class AgencyModule : IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    [MaxLength(40)] public string ModuleId { get; set; } = "";
    public bool Allowed { get; set; }
    public bool Enabled { get; set; }
    /// <summary>JSON object of setting key → value; keys absent take the module's default.</summary>
    public string SettingsJson { get; set; } = "{}";
    /// <summary>UTC; set by whoever changes the switches or settings, from the host's clock.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>What one instance made of a shared package: the version it runs, or why it could not load it.</summary>
[Modular.Host.Auditing.NotAudited("What each instance made of a shared package: bookkeeping rewritten at every start; installs are audited as events.")]
public sealed class PluginInstanceState
{
    [MaxLength(100)] public string PluginId { get; set; } = "";
    [MaxLength(100)] public string Instance { get; set; } = "";
    [MaxLength(40)] public string? RunningVersion { get; set; }
    [MaxLength(2000)] public string? Failure { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A publisher whose signed plugin packages the platform trusts, kept by the security administrator (not by the system
/// administrator who uploads packages). Keys in the <c>Plugins:Publishers</c> setting are trusted as well.
/// </summary>
public sealed class PluginPublisher
{
    public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    /// <summary>SubjectPublicKeyInfo (DER) of an ECDSA P-256 key, base64.</summary>
    [MaxLength(400)] public string PublicKey { get; set; } = "";
    /// <summary>First 16 hex digits of the key's SHA-256, as the Modules page and the audit show it.</summary>
    [MaxLength(16)] public string KeyId { get; set; } = "";
    [MaxLength(256)] public string? AddedBy { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// Demo data the host put into an agency: the row with an empty <see cref="ModuleId"/> marks an agency the demo seeding
/// created; one row per module whose seeders ran there, so that turning the module on again seeds nothing twice.
/// </summary>
[Modular.Host.Auditing.NotAudited("Bookkeeping of the demo seeding, which writes its own demo-data.seed line per module and agency.")]
public sealed class DemoDataSeed : ICreatedAt
{
    /// <summary>The <see cref="ModuleId"/> of the row that marks a demo agency.</summary>
    public const string Agency = "";

    public int AgencyId { get; set; }
    [MaxLength(100)] public string ModuleId { get; set; } = Agency;
    public DateTimeOffset SeededAt { get; set; }
    DateTimeOffset ICreatedAt.CreatedAt { get => SeededAt; set => SeededAt = value; }
}
