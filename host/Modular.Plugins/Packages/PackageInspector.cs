using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Modular.Sdk;

namespace Modular.Plugins.Packages;

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
    public byte[]? HashList { get; set; }
    public byte[]? SignatureBytes { get; set; }
    public bool IsValid => Errors.Count == 0;

    /// <summary>What goes into the plugin folder: the files with their hash list and signature, so every start can check them again.</summary>
    public IReadOnlyDictionary<string, byte[]> FolderFiles
    {
        get
        {
            var all = new Dictionary<string, byte[]>(Files, StringComparer.Ordinal);
            if (HashList is not null) all[PackageFormat.HashFile] = HashList;
            if (SignatureBytes is not null) all[PackageFormat.SignatureFile] = SignatureBytes;
            return all;
        }
    }
}

/// <summary>
/// Checks a package before any of its code runs: a well-formed zip, safe paths, size and ratio limits, a valid manifest,
/// SDK compatibility, SHA-256 of every file, the signature. Nothing is written anywhere.
/// </summary>
public sealed class PackageInspector(AssemblyInspector assemblies, PluginPackageOptions options)
{
    public async Task<PackageInspection> InspectAsync(Stream upload, PluginTrust trust, CancellationToken ct = default)
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
            Unpack(zip, result);
        }
        if (!result.IsValid) return result;
        CheckHashes(result, out var hashList);
        CheckManifest(result);
        CheckSignature(result, hashList, trust);
        return result;
    }

    /// <summary>Reads every entry into memory after checking its path and sizes; stops at the first unsafe entry.</summary>
    private void Unpack(ZipArchive zip, PackageInspection result)
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

    private void CheckManifest(PackageInspection result)
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
        var facts = assemblies.Inspect(entry, manifest.EntryAssembly, manifest.Id);
        result.BuiltAgainst = facts.BuiltAgainst;
        result.Errors.AddRange(facts.Errors);
    }

    private static void CheckSignature(PackageInspection result, byte[]? hashList, PluginTrust trust)
    {
        var sigBytes = result.Files.GetValueOrDefault(PackageFormat.SignatureFile);
        result.Files.Remove(PackageFormat.SignatureFile);
        if (sigBytes is not null && hashList is null) return; // the hash list was refused already
        if (trust.CheckSignature(hashList, sigBytes, out var info) is { } problem)
            result.Errors.Add(problem.Replace("此插件", "此安装包").Replace("插件在签名后", "安装包在签名后"));
        result.HashList = hashList;
        result.SignatureBytes = info.Signed ? sigBytes : null;
        result.Signed = info.Signed;
        result.KeyId = info.KeyId;
        result.Publisher = info.Signed ? trust.Find(info.KeyId)?.Name : null;
    }
}

/// <summary>The SDK versions this host runs plugins for: its own major version, up to its own version.</summary>
public static class SdkSupport
{
    public static VersionRange Supported { get; } =
        new(new SemanticVersion(SdkInfo.Version.Major, 0, 0), true, SdkInfo.Version, true);
}
