using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modular.Plugins.Packages;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// Installing a plugin is trusting its code: outside Development only plugins signed by an allow-listed publisher run,
/// whether uploaded or found in the plugins folder at start, and nothing of a refused plugin runs (Fixture.Marker writes a
/// file when constructed or registering). The allow-list is the security administrator's, not the system administrator's.
/// </summary>
public sealed class PluginTrustTests : IDisposable
{
    // Only this class loads Fixture.Marker, and its tests run one after the other: the folder is this test's own.
    private readonly string _marks = Path.Combine(Path.GetTempPath(), "modular-tests", "marks-" + Guid.NewGuid().ToString("N")[..12]);

    public PluginTrustTests() => Environment.SetEnvironmentVariable("MODULAR_FIXTURE_MARKER", _marks);

    public void Dispose() => Environment.SetEnvironmentVariable("MODULAR_FIXTURE_MARKER", null);

    private bool MarkerRan => File.Exists(Path.Combine(_marks, "ran.txt"));

    /// <summary>Deploys a fixture into the portal's plugins folder as it is (unsigned), or signed by <paramref name="key"/>.</summary>
    private static void Deploy(PortalFactory portal, string fixture, ECDsa? key = null, string publisher = "某公司")
    {
        var folder = Path.Combine(portal.PluginsDir, fixture);
        Paths.CopyDirectory(Paths.PluginSource(fixture), folder);
        if (key is not null) PackageFormat.SignFolder(folder, key, publisher);
    }

    private static string Errors(string html)
    {
        var m = Regex.Match(html, "data-testid=\"package-errors\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(m.Success, html);
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static async Task<string> SignatureCellAsync(HttpClient admin, string id)
    {
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules"));
        var m = Regex.Match(html, $"<tr data-module=\"{Regex.Escape(id)}\">.*?data-testid=\"signature\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(m.Success, html);
        return Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ");
    }

    [Fact]
    public async Task Outside_development_an_unsigned_upload_is_refused_by_default_before_any_of_its_code_runs()
    {
        using var portal = new PortalFactory("notes");
        Assert.True(portal.Services.GetRequiredService<PluginPackageOptions>().RequireSignature);
        var admin = await portal.SignedInAsync("admin");

        var unsigned = await admin.UploadAsync(Packages.Pack("marker", signed: false));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("此安装包未签名", Errors(await unsigned.Content.ReadAsStringAsync()));
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var strangers = await admin.UploadAsync(Packages.Pack("marker", stranger, "冒名者"));
        Assert.Equal(HttpStatusCode.BadRequest, strangers.StatusCode);
        Assert.Contains("不在本平台允许的发布者名单中", Errors(await strangers.Content.ReadAsStringAsync()));
        Assert.False(MarkerRan);
        Assert.False(Directory.Exists(Path.Combine(portal.PluginsDir, "marker")));

        // The same package signed by an allowed publisher runs (and so leaves its mark), its signer shown on the Modules page.
        await admin.UploadOkAsync(Packages.Pack("marker"));
        Assert.True(portal.Catalog.IsRunning("marker"));
        Assert.True(MarkerRan);
        Assert.Contains(Packages.TestPublisherName, await SignatureCellAsync(admin, "marker"));
        // The folder keeps its hash list and signature, so that every start checks it again.
        Assert.True(File.Exists(Path.Combine(portal.PluginsDir, "marker", PackageFormat.SignatureFile)));
    }

    [Fact]
    public async Task At_start_unsigned_tampered_and_unknown_publishers_folders_are_refused_before_any_of_their_code_runs()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var workDir = PortalFactory.NewWorkDir();
        using var portal = new PortalFactory(workDir, ["notes"]);
        Deploy(portal, "marker");
        _ = portal.Server;

        var marker = portal.Catalog.All.Single(p => p.FolderName == "marker");
        Assert.False(marker.IsRunning);
        Assert.Contains("此插件未签名", marker.FailureReason);
        Assert.True(portal.Catalog.IsRunning("notes")); // signed by the tests' publisher, as deployed
        Assert.False(MarkerRan);
        var admin = await portal.SignedInAsync("admin");
        Assert.Contains("此插件未签名", WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules")));
        Assert.Contains(await portal.AuditAsync("plugin.failed"), l => l.StartsWith("Plugin:marker") && l.Contains("未签名"));

        Directory.Delete(Path.Combine(portal.PluginsDir, "marker"), true);
        Deploy(portal, "marker", stranger, "冒名者");
        // A file added to a folder signed by an allowed publisher.
        File.WriteAllText(Path.Combine(portal.PluginsDir, "notes", "extra.dll"), "not signed");
        using (var restarted = new PortalFactory(workDir, [], copyPlugins: false))
        {
            _ = restarted.Server;
            Assert.Contains("不在本平台允许的发布者名单中", restarted.Catalog.All.Single(p => p.FolderName == "marker").FailureReason);
            Assert.Contains("“extra.dll”不在签名的哈希清单中", restarted.Catalog.All.Single(p => p.FolderName == "notes").FailureReason);
            Assert.False(restarted.Catalog.IsRunning("notes"));
        }
        Assert.False(MarkerRan);
    }

    [Fact]
    public async Task A_contribution_under_another_module_id_is_refused_from_the_metadata_before_any_code_runs()
    {
        using var portal = new PortalFactory("notes");
        portal.Settings["Plugins:RequireSignature"] = "false"; // even where signatures are not required
        var admin = await portal.SignedInAsync("admin");

        var response = await admin.UploadAsync(Packages.Pack("marker-foreign", signed: false));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("首页卡片 MarkerWidget 登记在模块“marker”名下，而插件的标识是“marker-foreign”", Errors(await response.Content.ReadAsStringAsync()));
        Assert.False(MarkerRan);
        Assert.False(Directory.Exists(Path.Combine(portal.PluginsDir, "marker-foreign")));
    }

    [Fact]
    public async Task The_startup_scan_checks_the_metadata_before_loading_too()
    {
        var portal = new PortalFactory("notes");
        using (portal)
        {
            portal.Settings["Plugins:RequireSignature"] = "false";
            Deploy(portal, "marker-foreign");
            _ = portal.Server;
            var refused = portal.Catalog.All.Single(p => p.FolderName == "marker-foreign");
            Assert.False(refused.IsRunning);
            Assert.Contains("MarkerWidget 登记在模块“marker”名下", refused.FailureReason);
            Assert.False(MarkerRan);
        }
    }

    [Fact]
    public async Task Signatures_off_explicitly_outside_development_is_warned_and_the_page_tells_unsigned_and_unknown_signers()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var portal = new PortalFactory("notes");
        portal.Settings["Plugins:RequireSignature"] = "false";
        Deploy(portal, "marker");
        Deploy(portal, "shelf", stranger, "冒名者");
        _ = portal.Server;
        Assert.Contains(portal.Log.Entries, e => e.Contains("Plugins:RequireSignature is off outside Development"));
        Assert.True(portal.Catalog.IsRunning("marker"));
        Assert.True(portal.Catalog.IsRunning("shelf"));

        var admin = await portal.SignedInAsync("admin");
        Assert.Contains("未签名", await SignatureCellAsync(admin, "marker"));
        var shelf = await SignatureCellAsync(admin, "shelf");
        Assert.Contains("签名者不在允许列表", shelf);
        Assert.Contains("冒名者", shelf);
        Assert.Contains(Packages.TestPublisherName, await SignatureCellAsync(admin, "notes"));
    }

    [Theory]
    [InlineData("org-life")]
    [InlineData("volunteer")]
    [InlineData("integrity")]
    [InlineData("civilization")]
    [InlineData("dues")]
    [InlineData("supervision")]
    [InlineData("study")]
    [InlineData("notes")]
    [InlineData("tasks")]
    [InlineData("shelf")]
    [InlineData("marker")]
    public void Real_plugins_pass_the_metadata_check(string folder)
    {
        var root = Paths.PluginSource(folder);
        var manifest = Modular.Sdk.PluginManifest.TryRead(File.ReadAllText(Path.Combine(root, "plugin.json")), out _)!;
        var facts = new AssemblyInspector().Inspect(File.ReadAllBytes(Path.Combine(root, manifest.EntryAssembly)), manifest.EntryAssembly, manifest.Id);
        Assert.Empty(facts.Errors);
        Assert.Equal(Modular.Sdk.SdkInfo.Version, facts.BuiltAgainst);
    }

    [Fact]
    public void The_metadata_check_finds_no_module_class_in_an_assembly_without_one()
    {
        // The SDK itself: a .NET assembly, but no class implementing IModule.
        var sdk = File.ReadAllBytes(typeof(Modular.Sdk.IModule).Assembly.Location);
        Assert.Contains("入口程序集中没有实现 IModule 的公开类。", new AssemblyInspector().Inspect(sdk, "Modular.Sdk.dll", "x").Errors);
        Assert.Contains("入口程序集 x.dll 不是 .NET 程序集。", new AssemblyInspector().Inspect("MZ not an assembly"u8.ToArray(), "x.dll", "x").Errors);
    }

    [Fact]
    public async Task In_development_signatures_are_not_required_so_the_builds_plugins_load()
    {
        using var portal = new PortalFactory { EnvironmentName = "Development" };
        Deploy(portal, "marker");
        _ = portal.Server;
        Assert.False(portal.Services.GetRequiredService<PluginPackageOptions>().RequireSignature);
        Assert.True(portal.Catalog.IsRunning("marker"));
        Assert.DoesNotContain(portal.Log.Entries, e => e.Contains("Plugins:RequireSignature is off"));
    }
}
