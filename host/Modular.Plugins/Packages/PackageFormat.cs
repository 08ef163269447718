using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modular.Plugins.Packages;

/// <summary>
/// The one file a vendor delivers (<c>&lt;id&gt;-&lt;version&gt;.modpkg</c>): a zip with <c>plugin.json</c> at its root,
/// <c>package.sha256</c> listing the SHA-256 of every other file (sha256sum's format, sorted by path), and optionally
/// <c>package.sig</c>, the publisher's ECDSA P-256 signature over the bytes of <c>package.sha256</c>.
/// Shared as source by the plugin runtime (which checks) and tools/Modular.Pack (which packs).
/// </summary>
public static class PackageFormat
{
    public const string Extension = ".modpkg";
    public const string HashFile = "package.sha256";
    public const string SignatureFile = "package.sig";

    /// <summary>What the host provides; a plugin carrying its own copy would load a second, incompatible one.</summary>
    public static bool IsHostProvided(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("Modular.Sdk.", StringComparison.OrdinalIgnoreCase)
               || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase)
               || name.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase)
               || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.OrdinalIgnoreCase)
               || name.StartsWith("SQLitePCLRaw", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What packing leaves out: host-provided assemblies, the framework's extensions and native runtimes (the host has them), debug symbols.</summary>
    public static bool LeftOut(string path) =>
        IsHostProvided(path) || path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase) || path.StartsWith("runtimes/", StringComparison.Ordinal)
        || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase);

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>"hash  path" lines, sorted by path, "\n" endings: the same bytes on every machine.</summary>
    public static byte[] WriteHashList(IEnumerable<KeyValuePair<string, string>> hashes) =>
        Encoding.UTF8.GetBytes(string.Concat(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Value}  {h.Key}\n")));

    /// <summary>Path → hash, or null when a line is not "64 hex, two spaces, path" or a path repeats.</summary>
    public static Dictionary<string, string>? ReadHashList(byte[] bytes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.Length < 67 || line[64] != ' ' || line[65] != ' ') return null;
            var hash = line[..64];
            if (!hash.All(Uri.IsHexDigit)) return null;
            if (!result.TryAdd(line[66..], hash.ToLowerInvariant())) return null;
        }
        return result;
    }

    /// <summary>A short, stable name for a publisher key: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo.</summary>
    public static string KeyId(byte[] publicKey) => Sha256Hex(publicKey)[..16];

    public static PackageSignature Sign(byte[] hashList, ECDsa key, string publisher) => new()
    {
        Publisher = publisher,
        PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        Signature = Convert.ToBase64String(key.SignData(hashList, HashAlgorithmName.SHA256)),
    };

    public static bool Verify(byte[] hashList, PackageSignature signature, byte[] publicKey)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(hashList, Convert.FromBase64String(signature.Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNameCaseInsensitive = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Packs a deployed plugin folder (plugin.json at its root) into <paramref name="outputDirectory"/> and returns the file.
    /// Host-provided assemblies and debug symbols are left out.
    /// </summary>
    public static string Pack(string pluginFolder, string outputDirectory, ECDsa? key = null, string? publisher = null)
    {
        var manifestPath = Path.Combine(pluginFolder, "plugin.json");
        if (!File.Exists(manifestPath)) throw new InvalidOperationException($"No plugin.json in {pluginFolder}.");
        using var manifestDoc = JsonDocument.Parse(File.ReadAllText(manifestPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var id = manifestDoc.RootElement.GetProperty("id").GetString();
        var version = manifestDoc.RootElement.GetProperty("version").GetString();
        var files = Directory.GetFiles(pluginFolder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Path: Path.GetRelativePath(pluginFolder, f).Replace('\\', '/')))
            .Where(f => f.Path is not (HashFile or SignatureFile) && !LeftOut(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var hashes = files.ToDictionary(f => f.Path, f => Sha256Hex(File.ReadAllBytes(f.Full)));
        var hashList = WriteHashList(hashes);
        Directory.CreateDirectory(outputDirectory);
        var output = Path.Combine(outputDirectory, $"{id}-{version}{Extension}");
        if (File.Exists(output)) File.Delete(output);
        using (var zip = ZipFile.Open(output, ZipArchiveMode.Create))
        {
            foreach (var f in files) zip.CreateEntryFromFile(f.Full, f.Path, CompressionLevel.Optimal);
            Write(zip, HashFile, hashList);
            if (key is not null)
                Write(zip, SignatureFile, JsonSerializer.SerializeToUtf8Bytes(Sign(hashList, key, publisher ?? "unknown"), Json));
        }
        return output;
    }

    /// <summary>Every file of a plugin folder but its hash list and signature: path ('/' separated) → full name.</summary>
    public static IEnumerable<(string Path, string Full)> FolderFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'), Full: f))
            .Where(f => f.Path is not (HashFile or SignatureFile))
            .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>
    /// Signs a deployed plugin folder in place (central IT's deployment of first-party plugins outside Development):
    /// writes <c>package.sha256</c> over every file of the folder and <c>package.sig</c> over that list.
    /// </summary>
    public static void SignFolder(string pluginFolder, ECDsa key, string publisher)
    {
        if (!File.Exists(Path.Combine(pluginFolder, "plugin.json"))) throw new InvalidOperationException($"No plugin.json in {pluginFolder}.");
        var hashList = WriteHashList(FolderFiles(pluginFolder).Select(f => KeyValuePair.Create(f.Path, Sha256Hex(File.ReadAllBytes(f.Full)))));
        File.WriteAllBytes(Path.Combine(pluginFolder, HashFile), hashList);
        File.WriteAllBytes(Path.Combine(pluginFolder, SignatureFile), JsonSerializer.SerializeToUtf8Bytes(Sign(hashList, key, publisher), Json));
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        s.Write(bytes);
    }
}

public sealed class PackageSignature
{
    [JsonPropertyName("publisher")] public string Publisher { get; set; } = "";
    /// <summary>SubjectPublicKeyInfo (DER), base64.</summary>
    [JsonPropertyName("publicKey")] public string PublicKey { get; set; } = "";
    /// <summary>ECDSA P-256 over SHA-256 of package.sha256, IEEE P1363 form, base64.</summary>
    [JsonPropertyName("signature")] public string Signature { get; set; } = "";
}
