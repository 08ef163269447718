namespace Modular.Plugins.Packages;

/// <summary>Settings section <c>Plugins</c>: what an uploaded package may be, and whose signature the platform trusts.</summary>
public sealed class PluginPackageOptions
{
    /// <summary>
    /// Refuse plugins (uploaded, shared or found in <c>plugins/</c>) that are not signed by an allowed publisher. When the
    /// setting is absent it is on outside Development and off in Development (decided at start in HostSetup).
    /// </summary>
    public bool RequireSignature { get; set; }
    /// <summary>
    /// Publisher keys trusted by configuration (SubjectPublicKeyInfo, base64, as <c>modpack keygen</c> prints it): central IT's
    /// own deployment key. The security administrator's list in the database is trusted beside it (<see cref="PluginTrust"/>).
    /// </summary>
    public List<PublisherKey> Publishers { get; set; } = [];
    public int MaxPackageMegabytes { get; set; } = 20;
    public int MaxUnpackedMegabytes { get; set; } = 100;
    public int MaxEntries { get; set; } = 2000;
    /// <summary>An entry that unpacks to more than this many times its compressed size is taken for a zip bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    public long MaxPackageBytes => Math.Max(1, MaxPackageMegabytes) * 1024L * 1024L;
    public long MaxUnpackedBytes => Math.Max(1, MaxUnpackedMegabytes) * 1024L * 1024L;
}

public sealed class PublisherKey
{
    public string Name { get; set; } = "";
    public string PublicKey { get; set; } = "";
    /// <summary>The row's id on the security administrator's list (null for a key of the settings).</summary>
    public int? Id { get; set; }
    public string? AddedBy { get; set; }
    public DateTime? AddedAt { get; set; }
}
