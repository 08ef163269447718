using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Modular.Plugins.Packages;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// Central IT installs a vendor package from the Modules page: it runs at once (pages, API, widget) in the agencies that
/// turn it on; an upgrade is staged, applied at the next start and keeps the data; a failing upgrade leaves the old version running.
/// </summary>
public sealed class PluginPackageInstallTests
{
    private static async Task<(string Version, List<string> Items)> ItemsAsync(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/m/shelf/api/items");
        return (json.GetProperty("version").GetString()!, json.GetProperty("items").EnumerateArray().Select(e => e.GetString()!).ToList());
    }

    private static async Task<PortalFactory> InstalledV1Async(PortalFactory portal)
    {
        var admin = await portal.SignedInAsync("admin");
        var page = await admin.UploadOkAsync(Packages.Pack("shelf"));
        Assert.Contains("已安装并运行", page);
        await portal.TurnOnAsync(await portal.DemoAgencyIdAsync(), "shelf");
        var office = await portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync("/m/shelf/api/items", new { title = "党章" })).StatusCode);
        return portal;
    }

    [Fact]
    public async Task A_new_plugin_runs_without_restart_in_the_agencies_that_turn_it_on()
    {
        using var portal = new PortalFactory("notes");
        var office = await portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/m/shelf")).StatusCode);

        await InstalledV1Async(portal);

        Assert.True(portal.Catalog.IsRunning("shelf"));
        Assert.True(File.Exists(Path.Combine(portal.PluginsDir, "shelf", "plugin.json")));
        var page = await office.GetAsync("/m/shelf");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("版本 1.0.0", html);
        Assert.Contains("党章", html);
        var (version, items) = await ItemsAsync(office);
        Assert.Equal("1.0.0", version);
        Assert.Equal(["党章"], items);
        // Its dashboard card and menu item appear with the host's own.
        var home = await office.GetStringAsync("/");
        Assert.Contains("资料架", home);
        Assert.Contains("/m/shelf", home);
        // The plugins that came with the start still work.
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/notes")).StatusCode);

        // Another agency that has not turned it on gets 404; once on, it sees none of the first agency's rows.
        var other = await portal.CreateAgencyAsync("OTHER", "other-office", Modular.Sdk.Roles.AgencyAdmin);
        var otherClient = await portal.SignedInAsync("other-office");
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/m/shelf/api/items")).StatusCode);
        await portal.TurnOnAsync(other, "shelf");
        Assert.Empty((await ItemsAsync(otherClient)).Items);

        Assert.Contains(await portal.AuditAsync("plugin.installed"), l => l.StartsWith("Plugin:shelf 1.0.0"));

        // A staged upgrade can be taken back before the restart.
        var admin = await portal.SignedInAsync("admin");
        Assert.Contains("需要重启", await admin.UploadOkAsync(Packages.Pack("shelf-v2")));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Platform/Modules", new Dictionary<string, string>(), "/Platform/Modules?handler=Cancel&id=shelf")).StatusCode);
        var modules = WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules"));
        Assert.Contains("已撤销模块“shelf”待重启的变更", modules);
        Assert.DoesNotContain("需要重启", modules);
        Assert.Empty(portal.Services.GetRequiredService<StagedChanges>().Pending());
        Assert.Single(await portal.AuditAsync("plugin.staged.cancelled"));
        // The live plugin's own changes are audited by the host, as every module's are.
        Assert.Contains(await portal.AuditAsync("create"), l => l.StartsWith("Shelf.ShelfItem#"));
        // Its scheduled job runs without a restart too, in each agency where it is on.
        await portal.Services.GetRequiredService<Modular.Host.Jobs.ScheduledJobRunner>().RunOnceAsync(portal.AgencyClock.Now);
        Assert.Equal(["Shelf 1", "Shelf 0"], await portal.AuditAsync("shelf.counted"));
    }

    [Fact]
    public async Task An_upgrade_is_applied_at_the_next_start_and_keeps_the_data()
    {
        string workDir;
        using (var portal = new PortalFactory("notes"))
        {
            workDir = portal.WorkDir;
            await InstalledV1Async(portal);
            var admin = await portal.SignedInAsync("admin");
            var page = await admin.UploadOkAsync(Packages.Pack("shelf-v2"));
            Assert.Contains("重启平台后升级", page);
            Assert.Contains("需要重启", page);
            Assert.Contains("下次启动时升级到 2.0.0", page);
            // Until then version 1 keeps running.
            Assert.Equal("1.0.0", (await ItemsAsync(await portal.SignedInAsync("office"))).Version);
            Assert.Contains(await portal.AuditAsync("plugin.upgrade.staged"), l => l.Contains("1.0.0 → 2.0.0"));
        }

        using (var restarted = new PortalFactory(workDir, [], copyPlugins: false))
        {
            var office = await restarted.SignedInAsync("office");
            var (version, items) = await ItemsAsync(office);
            Assert.Equal("2.0.0", version);
            Assert.Equal(["党章"], items);
            Assert.Equal("2.0.0", restarted.Catalog.Find("shelf")!.Manifest!.Version);
            Assert.Contains("20261201190000_Labels", await restarted.QueryAsync("SELECT \"MigrationId\" FROM \"__migrations_shelf\""));
            Assert.Equal(["0"], await restarted.QueryAsync("SELECT count(*) FROM shelf_label"));
            var admin = await restarted.SignedInAsync("admin");
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules"));
            Assert.Contains("已从 1.0.0 升级到 2.0.0", page);
            Assert.DoesNotContain("需要重启", page);
            Assert.Contains(await restarted.AuditAsync("plugin.upgraded"), l => l.StartsWith("Plugin:shelf 2.0.0"));

            var staged = await admin.PostFormAsync("/Platform/Modules?uninstall=shelf", new Dictionary<string, string> { ["KeepData"] = "keep" }, "/Platform/Modules?handler=Uninstall&folder=shelf");
            Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
        }

        // Uninstalled keeping its data: installing it again finds the data.
        using (var again = new PortalFactory(workDir, [], copyPlugins: false))
        {
            _ = again.Server;
            Assert.DoesNotContain(again.Catalog.All, p => p.Id == "shelf");
            Assert.Equal(["1"], await again.QueryAsync("SELECT count(*) FROM shelf_item"));
            Assert.Contains(await again.AuditAsync("plugin.uninstalled"), l => l.Contains("模块数据已保留"));
            var admin = await again.SignedInAsync("admin");
            await admin.UploadOkAsync(Packages.Pack("shelf-v2"));
            var (version, items) = await ItemsAsync(await again.SignedInAsync("office"));
            Assert.Equal("2.0.0", version);
            Assert.Equal(["党章"], items);
        }
    }

    [Fact]
    public async Task A_failing_upgrade_leaves_the_old_version_running_and_uninstall_can_delete_the_data()
    {
        string workDir;
        using (var portal = new PortalFactory("notes"))
        {
            workDir = portal.WorkDir;
            await InstalledV1Async(portal);
            var admin = await portal.SignedInAsync("admin");
            await admin.UploadOkAsync(Packages.Pack("shelf-v2-bad"));
        }

        using (var restarted = new PortalFactory(workDir, [], copyPlugins: false))
        {
            var office = await restarted.SignedInAsync("office");
            var (version, items) = await ItemsAsync(office);
        Assert.Equal("1.0.0", version);
        Assert.Equal(["党章"], items);
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/shelf")).StatusCode);
            Assert.DoesNotContain("20261201190000_Labels", await restarted.QueryAsync("SELECT \"MigrationId\" FROM \"__migrations_shelf\""));
            var admin = await restarted.SignedInAsync("admin");
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules"));
            Assert.Contains("升级到 2.0.0 失败，仍运行 1.0.0", page);
            Assert.Contains("table_that_does_not_exist", page);
            Assert.Contains(await restarted.AuditAsync("plugin.upgrade.failed"), l => l.StartsWith("Plugin:shelf 2.0.0"));

            // Uninstall asks keep or delete; without an answer nothing is staged.
            var missing = await admin.PostFormAsync("/Platform/Modules?uninstall=shelf", new Dictionary<string, string>(), "/Platform/Modules?handler=Uninstall&folder=shelf");
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("请选择保留还是删除模块的数据", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
            var staged = await admin.PostFormAsync("/Platform/Modules?uninstall=shelf", new Dictionary<string, string> { ["KeepData"] = "delete" }, "/Platform/Modules?handler=Uninstall&folder=shelf");
            Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
            Assert.Contains("下次启动时卸载，并删除其数据", WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Modules")));
            Assert.True(restarted.Catalog.IsRunning("shelf")); // until the restart
        }

        using (var again = new PortalFactory(workDir, [], copyPlugins: false))
        {
            _ = again.Server;
            Assert.DoesNotContain(again.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(again.PluginsDir, "shelf")));
            Assert.Equal(["0"], await again.QueryAsync(TestDatabase.Sql(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('shelf_item', '__migrations_shelf')",
                "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('shelf_item', '__migrations_shelf')")));
            Assert.Contains(await again.AuditAsync("plugin.uninstalled"), l => l.Contains("模块数据已删除"));
            Assert.True(Directory.Exists(Path.Combine(again.PluginsDir, "notes")));
        }
    }

    [Fact]
    public async Task A_new_plugin_whose_migration_fails_leaves_nothing_behind()
    {
        using var portal = new PortalFactory("notes");
        var admin = await portal.SignedInAsync("admin");
        var response = await admin.UploadAsync(Packages.Pack("bad-migration"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("安装失败：数据库迁移失败", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(Directory.Exists(Path.Combine(portal.PluginsDir, "bad-migration")));
        Assert.DoesNotContain(portal.Catalog.All, p => p.Id == "bad-migration");
        Assert.Equal(["0"], await portal.QueryAsync(TestDatabase.Sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'bad_thing'",
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'bad_thing'")));
        Assert.Contains(await portal.AuditAsync("plugin.install.failed"), l => l.StartsWith("Plugin:bad-migration"));
        // The portal and its other plugins go on.
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync("office")).GetAsync("/m/notes")).StatusCode);
    }

    [Fact]
    public async Task When_signing_is_required_only_allow_listed_publishers_are_installed()
    {
        using var publisher = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var portal = new PortalFactory("notes");
        portal.Settings["Plugins:RequireSignature"] = "true";
        portal.Settings["Plugins:Publishers:0:Name"] = "某软件公司";
        portal.Settings["Plugins:Publishers:0:PublicKey"] = Convert.ToBase64String(publisher.ExportSubjectPublicKeyInfo());
        var admin = await portal.SignedInAsync("admin");

        var unsigned = await admin.UploadAsync(Packages.Pack("shelf", signed: false));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("此安装包未签名", WebUtility.HtmlDecode(await unsigned.Content.ReadAsStringAsync()));
        var strangers = await admin.UploadAsync(Packages.Pack("shelf", stranger, "冒名者"));
        Assert.Equal(HttpStatusCode.BadRequest, strangers.StatusCode);
        Assert.Contains("不在本平台允许的发布者名单中", WebUtility.HtmlDecode(await strangers.Content.ReadAsStringAsync()));
        Assert.False(Directory.Exists(Path.Combine(portal.PluginsDir, "shelf")));

        Assert.Contains("已安装并运行（签名：某软件公司", await admin.UploadOkAsync(Packages.Pack("shelf", publisher, "某软件公司")));
        Assert.True(portal.Catalog.IsRunning("shelf"));
        Assert.Contains(await portal.AuditAsync("plugin.installed"), l => l.Contains("签名：某软件公司"));
    }
}
