using System.Text.Json;

namespace Modular.Host.Backups;

/// <summary>One file of a backup archive, with what it must hash to.</summary>
public sealed record BackupFile(string Name, long Size, string Sha256);

/// <summary>
/// The first entry of a backup archive: whose backup it is (portal id), when and from what it was taken, the migrations
/// each history table had (host and every module), and the archive's files with their hashes.
/// </summary>
public sealed record BackupManifest
{
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "database/modular.db";
    public const string KindValue = "modular-backup";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Kind { get; init; } = KindValue;
    public int Format { get; init; } = CurrentFormat;
    public string PortalId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string Provider { get; init; } = "Sqlite";
    /// <summary>The host's version that took the backup.</summary>
    public string HostVersion { get; init; } = "";
    /// <summary>Migrations history table → the migrations applied, in order ("__EFMigrationsHistory" is the host's).</summary>
    public SortedDictionary<string, List<string>> Migrations { get; init; } = new(StringComparer.Ordinal);
    public List<BackupFile> Files { get; init; } = [];
    /// <summary>What the archive does not hold and a restore needs as before (settings kept outside the database).</summary>
    public List<string> Outside { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The manifest, or null when the text is not one (not JSON, or another kind of file).</summary>
    public static BackupManifest? Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Kind: KindValue } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A backup or restore refused or failed, with the reason in Chinese and English for the console and the page.</summary>
public sealed class BackupException(string chinese, string english) : Exception(english)
{
    public string Chinese { get; } = chinese;

    /// <summary>Both, as the console prints them.</summary>
    public string Both => $"{Chinese} / {Message}";
}
