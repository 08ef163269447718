using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Modular.Plugins.Packages;

/// <summary>
/// A vendor package accepted on any instance (PostgreSQL, several instances): the bytes as uploaded, so that every
/// instance installs the same verified files, and what is staged for the next start. One row per plugin id.
/// </summary>
public sealed class PluginPackage : IVersioned
{
    [Key, MaxLength(100)] public string PluginId { get; set; } = "";
    [MaxLength(40)] public string PackageVersion { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>SHA-256 (hex) of <see cref="Content"/>, taken when it was accepted; an instance refuses content that differs.</summary>
    [MaxLength(64)] public string Sha256 { get; set; } = "";
    /// <summary><see cref="PluginPackageStates"/>.</summary>
    [MaxLength(20)] public string State { get; set; } = PluginPackageStates.Installed;
    [MaxLength(256)] public string? InstalledBy { get; set; }
    public DateTime InstalledAt { get; set; }
    /// <summary>"upgrade" or "uninstall" for the next start of an instance, or null.</summary>
    [MaxLength(20)] public string? StagedAction { get; set; }
    [MaxLength(40)] public string? StagedVersion { get; set; }
    public byte[]? StagedContent { get; set; }
    [MaxLength(64)] public string? StagedSha256 { get; set; }
    public bool StagedDeleteData { get; set; }
    [MaxLength(256)] public string? StagedBy { get; set; }
    public DateTime? StagedAt { get; set; }
    /// <summary>What the instance that applied the last staged change found (shown on the Modules page).</summary>
    [MaxLength(2000)] public string? LastOutcome { get; set; }
    public bool LastOutcomeSuccess { get; set; }
    public DateTime? LastOutcomeAt { get; set; }
    public long Version { get; set; }

    /// <summary>Nothing staged any more: applied, cancelled or replaced.</summary>
    public void ClearStaged()
    {
        StagedAction = null;
        StagedVersion = null;
        StagedContent = null;
        StagedSha256 = null;
        StagedDeleteData = false;
        StagedBy = null;
        StagedAt = null;
    }
}

public static class PluginPackageStates
{
    public const string Installed = "installed";
    public const string Uninstalled = "uninstalled";
}
