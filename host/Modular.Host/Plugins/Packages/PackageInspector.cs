using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using Modular.Sdk;

namespace Modular.Host.Plugins.Packages;

/// <summary>What an uploaded package holds, and every reason to refuse it found from its bytes alone.</summary>
public sealed class PackageInspection
{
    public List<string> Errors { get; } = [];
    public PluginManifest? Manifest { get; set; }
    /// <summary>Path inside the plugin folder → content (hash and signature files excluded).</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public bool Signed { get; set; }
    /// <summary>The allow-listed publisher that signed it, if any.</summary>
    public string? Publisher { get; set; }
    public string? KeyId { get; set; }
    /// <summary>The SDK version the entry assembly was compiled against, read from its metadata.</summary>
    public SemanticVersion? BuiltAgainst { get; set; }
    /// <summary>The package as uploaded (kept in the database for the other instances).</summary>
    public byte[] Package { get; set; } = [];
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a package before any of its code runs: a well-formed zip, safe paths, size and ratio limits, a valid manifest,
/// SDK compatibility, SHA-256 of every file, the signature. Nothing is written anywhere.
/// </summary>
public static class PackageInspector
{
    public static async Task<PackageInspection> InspectAsync(Stream upload, PluginPackageOptions options, CancellationToken ct = default)
    {
        var result = new PackageInspection();
        var buffer = new MemoryStream();
        var read = new byte[81920];
        int n;
        while ((n = await upload.ReadAsync(read, ct)) > 0)
        {
            if (buffer.Length + n > options.MaxPackageBytes)
            {
                result.Errors.Add($"安装包超过 {options.MaxPackageMegabytes} MB 的上限。");
                return result;
            }
            buffer.Write(read, 0, n);
        }
        buffer.Position = 0;
        result.Package = buffer.ToArray();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            result.Errors.Add("文件不是有效的 zip 安装包（.modpkg）。");
            return result;
        }
        using (zip)
        {
            Unpack(zip, options, result);
        }
        if (!result.IsValid) return result;
        CheckHashes(result, out var hashList);
        CheckManifest(result);
        CheckSignature(result, hashList, options);
        return result;
    }

    /// <summary>Reads every entry into memory after checking its path and sizes; stops at the first unsafe entry.</summary>
    private static void Unpack(ZipArchive zip, PluginPackageOptions options, PackageInspection result)
    {
        if (zip.Entries.Count > options.MaxEntries)
        {
            result.Errors.Add($"安装包中的文件超过 {options.MaxEntries} 个。");
            return;
        }
        long total = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (UnsafePath(name) is { } why)
            {
                result.Errors.Add($"安装包中的路径“{Printable(name)}”不安全：{why}");
                return;
            }
            // Unix mode in the high 16 bits of the external attributes: 0xA000 is a symbolic link.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                result.Errors.Add($"安装包中的“{Printable(name)}”是符号链接，不允许。");
                return;
            }
            if (name.EndsWith('/')) continue; // a folder entry
            if (!seen.Add(name))
            {
                result.Errors.Add($"安装包中的“{Printable(name)}”重复出现。");
                return;
            }
            total += entry.Length;
            if (total > options.MaxUnpackedBytes)
            {
                result.Errors.Add($"安装包解压后超过 {options.MaxUnpackedMegabytes} MB 的上限。");
                return;
            }
            if (entry.Length > 64 * 1024 && entry.Length > (long)options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                result.Errors.Add($"安装包中的“{Printable(name)}”压缩比异常（超过 {options.MaxCompressionRatio} 倍），疑为压缩炸弹。");
                return;
            }
            // The header's sizes are the packer's word: read no more than it declared.
            var bytes = new byte[entry.Length];
            try
            {
                using var s = entry.Open();
                var offset = 0;
                while (offset < bytes.Length)
                {
                    var got = s.Read(bytes, offset, bytes.Length - offset);
                    if (got == 0) break;
                    offset += got;
                }
                if (offset != bytes.Length || s.ReadByte() != -1)
                {
                    result.Errors.Add($"安装包中的“{Printable(name)}”大小与记录不符。");
                    return;
                }
            }
            catch (InvalidDataException)
            {
                result.Errors.Add($"安装包中的“{Printable(name)}”已损坏，无法解压。");
                return;
            }
            result.Files[name] = bytes;
        }
    }

    /// <summary>Why a zip entry name would land outside the plugin folder (or confuse a file system), or null.</summary>
    public static string? UnsafePath(string name)
    {
        if (name.Length == 0) return "路径为空。";
        if (name.Length > 260) return "路径过长。";
        if (name.Any(c => char.IsControl(c))) return "含有控制字符。";
        if (name.Contains('\\')) return "含有反斜杠。";
        if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || name.Contains(':')) return "是绝对路径。";
        var segments = name.TrimEnd('/').Split('/');
        if (segments.Any(s => s is ".." or "." or "")) return "含有“..”或空的路径段，会越出插件目录。";
        return null;
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).Take(120).ToArray());

    private static void CheckHashes(PackageInspection result, out byte[]? hashList)
    {
        hashList = result.Files.GetValueOrDefault(PackageFormat.HashFile);
        result.Files.Remove(PackageFormat.HashFile);
        if (hashList is null)
        {
            result.Errors.Add($"安装包中没有哈希清单 {PackageFormat.HashFile}。");
            return;
        }
        var listed = PackageFormat.ReadHashList(hashList);
        if (listed is null)
        {
            result.Errors.Add($"哈希清单 {PackageFormat.HashFile} 的格式无效。");
            hashList = null;
            return;
        }
        foreach (var (path, content) in result.Files)
        {
            if (path == PackageFormat.SignatureFile) continue;
            if (!listed.TryGetValue(path, out var expected)) result.Errors.Add($"文件“{path}”不在哈希清单中。");
            else if (PackageFormat.Sha256Hex(content) != expected) result.Errors.Add($"文件“{path}”的 SHA-256 与哈希清单不符。");
        }
        foreach (var path in listed.Keys.Where(p => !result.Files.ContainsKey(p)))
            result.Errors.Add($"哈希清单列出的文件“{Printable(path)}”不在安装包中。");
    }

    private static void CheckManifest(PackageInspection result)
    {
        if (!result.Files.TryGetValue(PluginManifest.FileName, out var json))
        {
            result.Errors.Add("安装包的根目录中没有 plugin.json。");
            return;
        }
        var manifest = PluginManifest.TryRead(Encoding.UTF8.GetString(json), out var errors);
        if (manifest is null)
        {
            result.Errors.Add("清单无效：" + string.Join(" ", errors));
            return;
        }
        result.Manifest = manifest;
        if (!manifest.ParsedSdkRange.Includes(SdkInfo.Version))
            result.Errors.Add($"插件要求 SDK {manifest.ParsedSdkRange}，本平台提供 SDK {SdkInfo.Version}（支持 {SdkSupport.Supported}）。");
        foreach (var path in result.Files.Keys.Where(PackageFormat.IsHostProvided))
            result.Errors.Add($"安装包中含有平台提供的程序集“{path}”：插件不得自带 SDK 或 EF Core。");
        if (!result.Files.TryGetValue(manifest.EntryAssembly, out var entry))
        {
            result.Errors.Add($"安装包中没有入口程序集 {manifest.EntryAssembly}。");
            return;
        }
        result.BuiltAgainst = ReferencedSdk(entry, out var notAssembly);
        if (notAssembly) result.Errors.Add($"入口程序集 {manifest.EntryAssembly} 不是 .NET 程序集。");
        else if (result.BuiltAgainst is { } built && !SdkSupport.Supported.Includes(built))
            result.Errors.Add($"插件按 SDK {built} 编译，本平台支持 SDK {SdkSupport.Supported}。");
    }

    /// <summary>Reads the Modular.Sdk reference from the assembly's metadata, without loading it.</summary>
    private static SemanticVersion? ReferencedSdk(byte[] assembly, out bool notAssembly)
    {
        notAssembly = false;
        try
        {
            using var pe = new PEReader(new MemoryStream(assembly));
            if (!pe.HasMetadata) { notAssembly = true; return null; }
            var md = pe.GetMetadataReader();
            foreach (var handle in md.AssemblyReferences)
            {
                var reference = md.GetAssemblyReference(handle);
                if (md.GetString(reference.Name) != "Modular.Sdk") continue;
                var v = reference.Version;
                return new SemanticVersion(v.Major, v.Minor, Math.Max(0, v.Build));
            }
            return null;
        }
        catch (BadImageFormatException)
        {
            notAssembly = true;
            return null;
        }
    }

    private static void CheckSignature(PackageInspection result, byte[]? hashList, PluginPackageOptions options)
    {
        var sigBytes = result.Files.GetValueOrDefault(PackageFormat.SignatureFile);
        result.Files.Remove(PackageFormat.SignatureFile);
        if (sigBytes is null)
        {
            if (options.RequireSignature) result.Errors.Add("本平台要求安装包由允许的发布者签名，此安装包未签名。");
            return;
        }
        if (hashList is null) return; // already refused
        PackageSignature? signature;
        byte[] key;
        try
        {
            signature = JsonSerializer.Deserialize<PackageSignature>(sigBytes, PackageFormat.Json);
            key = Convert.FromBase64String(signature?.PublicKey ?? "");
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            result.Errors.Add($"签名文件 {PackageFormat.SignatureFile} 的格式无效。");
            return;
        }
        if (signature is null || !PackageFormat.Verify(hashList, signature, key))
        {
            result.Errors.Add("签名无效：安装包在签名后被改动，或签名不属于所附的公钥。");
            return;
        }
        result.Signed = true;
        result.KeyId = PackageFormat.KeyId(key);
        var trusted = options.Publishers.FirstOrDefault(p => SameKey(p.PublicKey, key));
        result.Publisher = trusted?.Name;
        if (trusted is null && options.RequireSignature)
            result.Errors.Add($"签名的发布者密钥（{result.KeyId}，自称“{signature.Publisher}”）不在本平台允许的发布者名单中。");
    }

    private static bool SameKey(string configured, byte[] key)
    {
        try
        {
            var text = configured.Replace("-----BEGIN PUBLIC KEY-----", "").Replace("-----END PUBLIC KEY-----", "");
            return Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c)))).AsSpan().SequenceEqual(key);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The SDK versions this host runs plugins for: its own major version, up to its own version.</summary>
public static class SdkSupport
{
    public static VersionRange Supported { get; } =
        new(new SemanticVersion(SdkInfo.Version.Major, 0, 0), true, SdkInfo.Version, true);
}
