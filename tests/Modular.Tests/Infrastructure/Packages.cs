using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Shell;
using Modular.Host.Shell.Modules;
using Modular.Plugins.Packages;

namespace Modular.Tests.Infrastructure;

/// <summary>Vendor packages for the tests: real ones packed from fixture plugins, and crafted ones that must be refused.</summary>
public static class Packages
{
    /// <summary>
    /// The tests' publisher: every test portal allows it (setting <c>Plugins:Publishers</c>), signs the plugin folders it is
    /// given with it (as central IT signs what it deploys) and packages are signed with it unless a test says otherwise.
    /// </summary>
    public static ECDsa TestPublisher { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public const string TestPublisherName = "测试发布者";
    public static string TestPublisherKey { get; } = Convert.ToBase64String(TestPublisher.ExportSubjectPublicKeyInfo());

    /// <summary>Packs a deployed fixture plugin as a vendor would (tools/Modular.Pack uses the same code), signed by <paramref name="key"/> or else the tests' publisher.</summary>
    public static byte[] Pack(string fixtureFolder, ECDsa? key = null, string publisher = "测试厂商", bool signed = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "modular-tests", "packages", Guid.NewGuid().ToString("N")[..12]);
        var file = PackageFormat.Pack(Paths.PluginSource(fixtureFolder), dir, key ?? (signed ? TestPublisher : null), key is null && signed ? TestPublisherName : publisher);
        var bytes = File.ReadAllBytes(file);
        Directory.Delete(dir, true);
        return bytes;
    }

    /// <summary>The files of a deployed fixture plugin as a package would hold them.</summary>
    public static Dictionary<string, byte[]> Files(string fixtureFolder)
    {
        var root = Paths.PluginSource(fixtureFolder);
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .Where(f => !PackageFormat.LeftOut(f.Path) && f.Path is not (PackageFormat.HashFile or PackageFormat.SignatureFile))
            .ToDictionary(f => f.Path, f => File.ReadAllBytes(f.Full));
    }

    /// <summary>
    /// A zip of the given entries with a hash list computed over <paramref name="hashed"/> (all files when null), signed by the
    /// tests' publisher unless <paramref name="signed"/> is false: a trusted publisher's broken package is refused all the same.
    /// </summary>
    public static byte[] Zip(IDictionary<string, byte[]> files, IDictionary<string, byte[]>? hashed = null, Action<ZipArchive>? more = null, bool signed = true)
    {
        var hashList = PackageFormat.WriteHashList((hashed ?? files).Select(f => KeyValuePair.Create(f.Key, PackageFormat.Sha256Hex(f.Value))));
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files) Add(zip, name, content);
            Add(zip, PackageFormat.HashFile, hashList);
            if (signed)
                Add(zip, PackageFormat.SignatureFile, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(PackageFormat.Sign(hashList, TestPublisher, TestPublisherName), PackageFormat.Json));
            more?.Invoke(zip);
        }
        return ms.ToArray();
    }

    public static void Add(ZipArchive zip, string name, byte[] content, int? unixMode = null)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        if (unixMode is { } mode) entry.ExternalAttributes = mode << 16;
        using var s = entry.Open();
        s.Write(content);
    }

    public static byte[] Manifest(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Uploads a package on the platform's Modules page, as central IT does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient admin, byte[] package, string fileName = "plugin.modpkg")
    {
        var token = await admin.TokenAsync("/Platform/Modules");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "package", fileName);
        return await admin.PostAsync("/Platform/Modules?handler=Install", form);
    }

    /// <summary>Uploads and expects the package to be taken (redirect back to the page with a notice).</summary>
    public static async Task<string> UploadOkAsync(this HttpClient admin, byte[] package)
    {
        var response = await admin.UploadAsync(package);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {body}");
        return WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules"));
    }

    /// <summary>Allows a module for an agency and switches it on, as the platform and the agency's administrators would.</summary>
    public static async Task TurnOnAsync(this PortalFactory f, int agencyId, string moduleId)
    {
        await using var scope = f.Services.CreateAsyncScope();
        var switchboard = scope.ServiceProvider.GetRequiredService<ModuleSwitchboard>();
        await switchboard.SetAllowedAsync(agencyId, [moduleId], new HashSet<string> { moduleId }, default);
        Assert.True(await switchboard.SetEnabledAsync(agencyId, moduleId, true, default));
    }

    public static Task<List<string>> AuditAsync(this PortalFactory f, string action) =>
        f.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).Select(e => e.Target + " " + e.Details).ToListAsync());

    /// <summary>Everything under the plugins folder, to prove that a refusal wrote nothing.</summary>
    public static string[] Listing(string folder) =>
        Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
}
