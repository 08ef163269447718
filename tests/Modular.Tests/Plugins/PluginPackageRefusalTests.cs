using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Modular.Plugins.Packages;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>Every refusal of an uploaded package, each with a crafted package: a Chinese reason next to the field, nothing written, audited.</summary>
public sealed class PluginPackageRefusalTests : IClassFixture<PluginPackageRefusalTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;

    public PluginPackageRefusalTests(Portal portal)
    {
        _portal = portal;
        _ = portal.Server;
    }

    // Crafted from the misfit fixture, which no test ever loads: had any check let its code run, its assembly would be in the process.
    private const string MisfitManifest = """
        { "id": "misfit", "name": { "zh-CN": "测试模块" }, "version": "1.0.0", "sdk": "[1.0.0,2.0.0)", "entryAssembly": "Fixture.Misfit.dll" }
        """;

    private static byte[] WithManifest(string json)
    {
        var files = Packages.Files("misfit");
        files["plugin.json"] = Packages.Manifest(json);
        return Packages.Zip(files);
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "path-escape", "不安全" },
        { "absolute-path", "不安全" },
        { "symlink", "符号链接" },
        { "not-a-zip", "不是有效的 zip" },
        { "zip-bomb", "压缩比异常" },
        { "wrong-hash", "SHA-256 与哈希清单不符" },
        { "unlisted-file", "不在哈希清单中" },
        { "no-hash-list", "没有哈希清单" },
        { "no-manifest", "没有 plugin.json" },
        { "bad-manifest", "清单无效" },
        { "sdk-range", "插件要求 SDK [2.0.0,3.0.0)" },
        { "missing-dependency", "缺少依赖的模块“nowhere”" },
        { "lower-version", "只能升级到更高的版本" },
        { "same-version", "只能升级到更高的版本" },
        { "ships-sdk", "不得自带 SDK 或 EF Core" },
        { "bad-signature", "签名无效" },
    };

    private static byte[] Craft(string name)
    {
        switch (name)
        {
            case "path-escape":
            {
                var files = Packages.Files("misfit");
                files["../evil.dll"] = [1, 2, 3];
                return Packages.Zip(files);
            }
            case "absolute-path":
            {
                var files = Packages.Files("misfit");
                files["/tmp/evil.dll"] = [1, 2, 3];
                return Packages.Zip(files);
            }
            case "symlink":
                return Packages.Zip(Packages.Files("misfit"), more: zip => Packages.Add(zip, "link", "/etc/passwd"u8.ToArray(), unixMode: 0xA1FF));
            case "not-a-zip":
                return "this is not a zip"u8.ToArray();
            case "zip-bomb":
            {
                var files = Packages.Files("misfit");
                files["wwwroot/zeros.bin"] = new byte[20 * 1024 * 1024];
                return Packages.Zip(files);
            }
            case "wrong-hash":
            {
                var files = Packages.Files("misfit");
                var hashed = new Dictionary<string, byte[]>(files);
                files["Fixture.Misfit.dll"] = [.. files["Fixture.Misfit.dll"], 0];
                return Packages.Zip(files, hashed);
            }
            case "unlisted-file":
            {
                var files = Packages.Files("misfit");
                var hashed = new Dictionary<string, byte[]>(files);
                files["extra.dll"] = [1];
                return Packages.Zip(files, hashed);
            }
            case "no-hash-list":
            {
                using var ms = new MemoryStream();
                using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, true))
                    foreach (var (path, content) in Packages.Files("misfit")) Packages.Add(zip, path, content);
                return ms.ToArray();
            }
            case "no-manifest":
            {
                var files = Packages.Files("misfit");
                files.Remove("plugin.json");
                return Packages.Zip(files);
            }
            case "bad-manifest":
                return WithManifest(MisfitManifest.Replace("\"misfit\"", "\"Misfit!\""));
            case "sdk-range":
                return WithManifest(MisfitManifest.Replace("[1.0.0,2.0.0)", "[2.0.0,3.0.0)"));
            case "missing-dependency":
                return WithManifest(MisfitManifest.Replace("\"entryAssembly\"", "\"dependencies\": [{ \"id\": \"nowhere\" }], \"entryAssembly\""));
            case "lower-version":
                // "notes" 1.2.0 is installed.
                return WithManifest(MisfitManifest.Replace("\"misfit\"", "\"notes\"").Replace("1.0.0\", \"sdk", "1.1.9\", \"sdk"));
            case "same-version":
                return Packages.Pack("notes");
            case "ships-sdk":
            {
                var files = Packages.Files("misfit");
                files["Modular.Sdk.dll"] = File.ReadAllBytes(typeof(Modular.Sdk.IModule).Assembly.Location);
                return Packages.Zip(files);
            }
            case "bad-signature":
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var files = Packages.Files("misfit");
                var hashList = PackageFormat.WriteHashList(files.Select(f => KeyValuePair.Create(f.Key, PackageFormat.Sha256Hex(f.Value))));
                var signature = PackageFormat.Sign(hashList, key, "x");
                // Signed over one list, delivered with another: the hash list was changed after signing.
                files["readme.txt"] = "added later"u8.ToArray();
                return Packages.Zip(files, more: zip => Packages.Add(zip, PackageFormat.SignatureFile, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(signature)), signed: false);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Crafted_package_is_refused_before_any_code_runs(string name, string reason)
    {
        var admin = await _portal.SignedInAsync("admin");
        var before = Packages.Listing(_portal.PluginsDir);
        var response = await admin.UploadAsync(Craft(name), name + ".modpkg");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Regex.Match(html, "data-testid=\"package-errors\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(errors.Success, html);
        Assert.Contains(reason, errors.Groups[1].Value);
        Assert.Equal(before, Packages.Listing(_portal.PluginsDir));
        Assert.False(File.Exists(Path.Combine(_portal.WorkDir, "evil.dll")));
        Assert.False(File.Exists("/tmp/evil.dll"));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Fixture.Misfit");
        Assert.DoesNotContain(_portal.Catalog.All, p => p.Id == "misfit");
        Assert.Contains(await _portal.AuditAsync("plugin.package.refused"), line => line.Contains(reason[..Math.Min(4, reason.Length)]));
    }

    [Fact]
    public async Task The_package_the_refusals_are_crafted_from_passes_every_check_of_its_own()
    {
        var inspection = await new PackageInspector(new AssemblyInspector(), new PluginPackageOptions()).InspectAsync(new MemoryStream(Packages.Zip(Packages.Files("misfit"))), new PluginTrust(false, []));
        Assert.True(inspection.IsValid, string.Join(" ", inspection.Errors));
        Assert.Equal("misfit", inspection.Manifest!.Id);
        Assert.Equal(Modular.Sdk.SdkInfo.Version, inspection.BuiltAgainst);
        Assert.Contains("Fixture.Misfit.dll", inspection.Files.Keys);
    }

    [Fact]
    public async Task Only_the_platform_administrator_may_upload()
    {
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetAsync("/Platform/Modules");
        Assert.Contains("/Account/AccessDenied", page.Headers.Location?.ToString() ?? "");
        Assert.DoesNotContain(Packages.Listing(_portal.PluginsDir), p => p.Contains("misfit"));
    }
}
