using System.Security.Cryptography;
using System.Text.Json;

namespace Modular.Plugins.Packages;

/// <summary>A publisher key the platform trusts: from the security administrator's list (database) or from the <c>Plugins:Publishers</c> setting.</summary>
public sealed record TrustedPublisher(string Name, byte[] PublicKey, bool FromSettings)
{
    public string KeyId => PackageFormat.KeyId(PublicKey);
}

/// <summary>Who signed a plugin, as checked before it loaded.</summary>
public sealed record SignatureInfo(bool Signed, string? KeyId, string? ClaimedPublisher)
{
    public static SignatureInfo Unsigned { get; } = new(false, null, null);
}

/// <summary>
/// Whose code the platform runs: with <see cref="Required"/>, only plugins signed by a publisher on the allow-list
/// (the security administrator's list and the settings' keys), checked from the bytes before any of the plugin's code loads —
/// for an upload, for a shared package on each instance, and for every folder under <c>plugins/</c> at start.
/// A signature that is present is always checked, required or not.
/// </summary>
public sealed class PluginTrust(bool required, IReadOnlyList<TrustedPublisher> publishers)
{
    public bool Required { get; } = required;
    public IReadOnlyList<TrustedPublisher> Publishers { get; } = publishers;

    public TrustedPublisher? Find(byte[] key) => Publishers.FirstOrDefault(p => p.PublicKey.AsSpan().SequenceEqual(key));
    public TrustedPublisher? Find(string? keyId) => keyId is null ? null : Publishers.FirstOrDefault(p => p.KeyId == keyId);

    /// <summary>The settings' keys, then the stored list's (a key in both counts once, as the settings').</summary>
    public static PluginTrust From(PluginPackageOptions options, IEnumerable<PublisherKey> stored)
    {
        var list = new List<TrustedPublisher>();
        foreach (var p in options.Publishers)
            if (PublisherKeys.TryParse(p.PublicKey, out var key, out _)) list.Add(new(p.Name, key, true));
        foreach (var r in stored)
            if (PublisherKeys.TryParse(r.PublicKey, out var key, out _) && list.All(t => !t.PublicKey.AsSpan().SequenceEqual(key))) list.Add(new(r.Name, key, false));
        return new(options.RequireSignature, list);
    }

    /// <summary>
    /// Checks <c>package.sig</c> over the bytes of <c>package.sha256</c>: the reason in Chinese when refused, else null;
    /// <paramref name="info"/> says who signed.
    /// </summary>
    public string? CheckSignature(byte[]? hashList, byte[]? signatureBytes, out SignatureInfo info)
    {
        info = SignatureInfo.Unsigned;
        if (signatureBytes is null)
            return Required ? "本平台要求插件由允许的发布者签名，此插件未签名。" : null;
        if (hashList is null) return $"有签名文件 {PackageFormat.SignatureFile}，却没有它签署的哈希清单 {PackageFormat.HashFile}。";
        PackageSignature? signature;
        byte[] key;
        try
        {
            signature = JsonSerializer.Deserialize<PackageSignature>(signatureBytes, PackageFormat.Json);
            key = Convert.FromBase64String(signature?.PublicKey ?? "");
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return $"签名文件 {PackageFormat.SignatureFile} 的格式无效。";
        }
        if (signature is null || !PackageFormat.Verify(hashList, signature, key))
            return "签名无效：插件在签名后被改动，或签名不属于所附的公钥。";
        info = new SignatureInfo(true, PackageFormat.KeyId(key), signature.Publisher);
        if (Find(key) is null && Required)
            return $"签名的发布者密钥（{info.KeyId}，自称“{signature.Publisher}”）不在本平台允许的发布者名单中。";
        return null;
    }

    /// <summary>
    /// Checks a plugin folder before any of its code loads: when it carries a hash list, every file must be listed with
    /// its SHA-256 and nothing listed may be missing; then the signature (see <see cref="CheckSignature"/>).
    /// </summary>
    public string? CheckFolder(string folder, out SignatureInfo info)
    {
        info = SignatureInfo.Unsigned;
        var hashPath = Path.Combine(folder, PackageFormat.HashFile);
        var sigPath = Path.Combine(folder, PackageFormat.SignatureFile);
        byte[]? hashList = File.Exists(hashPath) ? File.ReadAllBytes(hashPath) : null;
        byte[]? sig = File.Exists(sigPath) ? File.ReadAllBytes(sigPath) : null;
        if (hashList is not null)
        {
            var listed = PackageFormat.ReadHashList(hashList);
            if (listed is null) return $"哈希清单 {PackageFormat.HashFile} 的格式无效。";
            foreach (var (path, full) in PackageFormat.FolderFiles(folder))
            {
                if (!listed.TryGetValue(path, out var expected)) return $"文件“{path}”不在签名的哈希清单中（签名后被加入）。";
                if (PackageFormat.Sha256Hex(File.ReadAllBytes(full)) != expected) return $"文件“{path}”的 SHA-256 与哈希清单不符（签名后被改动）。";
            }
            foreach (var path in listed.Keys.Where(p => !File.Exists(Path.Combine(folder, p))))
                return $"哈希清单列出的文件“{path}”不在插件目录中。";
        }
        return CheckSignature(hashList, sig, out info);
    }
}

/// <summary>Reads a publisher's public key as an administrator pastes it: base64 of the SubjectPublicKeyInfo, with or without PEM lines.</summary>
public static class PublisherKeys
{
    public static bool TryParse(string? text, out byte[] key, out string? problem)
    {
        key = [];
        problem = null;
        var body = (text ?? "").Replace("-----BEGIN PUBLIC KEY-----", "").Replace("-----END PUBLIC KEY-----", "");
        body = string.Concat(body.Where(c => !char.IsWhiteSpace(c)));
        if (body.Length == 0) { problem = "请填写公钥。"; return false; }
        if (body.Length > 400) { problem = "公钥过长：须为 ECDSA P-256 公钥（modpack keygen 打印的 base64）。"; return false; }
        byte[] bytes;
        try { bytes = Convert.FromBase64String(body); }
        catch (FormatException) { problem = "公钥不是有效的 base64 文本。"; return false; }
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(bytes, out var read);
            if (read != bytes.Length || ecdsa.ExportParameters(false).Curve.Oid?.Value != "1.2.840.10045.3.1.7") { problem = "公钥须为 ECDSA P-256 公钥（modpack keygen 打印的 base64）。"; return false; }
        }
        catch (CryptographicException)
        {
            problem = "公钥须为 ECDSA P-256 公钥（modpack keygen 打印的 base64）。";
            return false;
        }
        key = bytes;
        return true;
    }
}
