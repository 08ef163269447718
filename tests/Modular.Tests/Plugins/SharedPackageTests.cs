using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Modular.Plugins.Packages;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// Two instances on one PostgreSQL database, each with a plugins folder of its own: a package accepted on one reaches the
/// other (live for a new plugin, at its next start for an upgrade or uninstall), checked again there from its bytes.
/// </summary>
public sealed class SharedPackageTests
{
    private static PortalFactory Instance(string workDir, string name, string? databaseDir = null, bool fresh = true)
    {
        var portal = fresh ? new PortalFactory(workDir, ["notes"]) { DatabaseDir = databaseDir } : new PortalFactory(workDir, [], copyPlugins: false) { DatabaseDir = databaseDir };
        // The test drives the package watcher's tick itself.
        portal.Settings["Modular:SignalSeconds"] = "3600";
        portal.Settings["Modular:InstanceName"] = name;
        return portal;
    }

    private static Task<int> TickAsync(PortalFactory instance) => instance.Services.GetRequiredService<PackageWatcher>().SyncOnceAsync();

    private static async Task<(string Version, List<string> Items)> ItemsAsync(PortalFactory instance)
    {
        var json = await (await instance.SignedInAsync("office")).GetFromJsonAsync<System.Text.Json.JsonElement>("/m/shelf/api/items");
        return (json.GetProperty("version").GetString()!, json.GetProperty("items").EnumerateArray().Select(e => e.GetString()!).ToList());
    }

    private static async Task<string> ModulesPageAsync(PortalFactory instance) =>
        WebUtility.HtmlDecode(await (await instance.SignedInAsync("admin")).GetStringAsync("/Platform/Modules"));

    /// <summary>Shelf 1.0.0 uploaded on A, brought to B by its watcher, on for the demo agency with one item.</summary>
    private static async Task ShelfOnBothAsync(PortalFactory a, PortalFactory b)
    {
        await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf"));
        Assert.Equal(1, await TickAsync(b));
        await b.TurnOnAsync(await b.DemoAgencyIdAsync(), "shelf");
        var office = await b.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync("/m/shelf/api/items", new { title = "党章" })).StatusCode);
    }

    [PostgreSqlFact]
    public async Task A_package_uploaded_on_one_instance_runs_on_the_other_at_its_watchers_next_tick_without_a_restart()
    {
        var dirA = PortalFactory.NewWorkDir();
        using var a = Instance(dirA, "A");
        _ = a.Server;
        using var b = Instance(PortalFactory.NewWorkDir(), "B", dirA);
        _ = b.Server;
        Assert.Equal(0, await TickAsync(b)); // nothing shared yet

        var page = await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf"));
        Assert.Contains("已安装并运行", page);
        Assert.Equal(["1"], await a.QueryAsync("SELECT count(*) FROM \"PluginPackages\" WHERE \"PluginId\" = 'shelf' AND \"State\" = 'installed' AND length(\"Content\") > 0"));
        Assert.False(b.Catalog.IsRunning("shelf"));
        Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));

        // Turned on for the agency on A; B has the agency's switches cached, without the plugin it does not run yet.
        await a.TurnOnAsync(await a.DemoAgencyIdAsync(), "shelf");
        var officeOnB = await b.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NotFound, (await officeOnB.GetAsync("/m/shelf")).StatusCode);

        Assert.Equal(1, await TickAsync(b));
        Assert.True(b.Catalog.IsRunning("shelf"));
        Assert.True(File.Exists(Path.Combine(b.PluginsDir, "shelf", "plugin.json")));
        Assert.Equal(0, await TickAsync(b)); // once is enough
        var shelf = await officeOnB.GetAsync("/m/shelf");
        Assert.Equal(HttpStatusCode.OK, shelf.StatusCode);
        Assert.Contains("版本 1.0.0", await shelf.Content.ReadAsStringAsync());

        Assert.Contains(await b.AuditAsync("plugin.instance.installed"), l => l == "Plugin:shelf 1.0.0, B");
        var modules = await ModulesPageAsync(a);
        Assert.Contains("各实例共用的安装包", modules);
        Assert.Equal(2, modules.Split("运行 1.0.0").Length - 1); // A and B
    }

    [PostgreSqlFact]
    public async Task An_upgrade_staged_on_one_instance_is_applied_by_the_other_at_its_restart_and_followed_by_the_first()
    {
        var dirA = PortalFactory.NewWorkDir();
        var dirB = PortalFactory.NewWorkDir();
        var a = Instance(dirA, "A");
        _ = a.Server;
        using (var b = Instance(dirB, "B", dirA))
        {
            _ = b.Server;
            await ShelfOnBothAsync(a, b);
            var page = await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf-v2"));
            Assert.Contains("重启平台后升级", page);
            // Staged in the database, not in A's folder; both instances say a restart is needed.
            Assert.Empty(a.Services.GetRequiredService<StagedChanges>().Pending());
            Assert.Contains("下次启动时升级到 2.0.0", await ModulesPageAsync(b));
            Assert.Equal("1.0.0", (await ItemsAsync(b)).Version);
        }

        using (var b = Instance(dirB, "B", dirA, fresh: false))
        {
            var (version, items) = await ItemsAsync(b);
            Assert.Equal("2.0.0", version);
            Assert.Equal(["党章"], items);
            Assert.Contains("20261201190000_Labels", await b.QueryAsync("SELECT \"MigrationId\" FROM \"__migrations_shelf\""));
            Assert.Equal(["2.0.0 "], await b.QueryAsync("SELECT \"PackageVersion\" || ' ' || coalesce(\"StagedAction\", '') FROM \"PluginPackages\" WHERE \"PluginId\" = 'shelf'"));
            Assert.Contains(await b.AuditAsync("plugin.upgraded"), l => l.StartsWith("Plugin:shelf 2.0.0"));
            // A still runs 1.0.0 until its own restart, and says so.
            Assert.Equal("1.0.0", (await ItemsAsync(a)).Version);
            var modules = await ModulesPageAsync(b);
            Assert.Contains("已从 1.0.0 升级到 2.0.0", modules);
            Assert.Contains("运行 2.0.0", modules);
            Assert.Contains("需要重启", modules);

            a.Dispose();
            using var restartedA = Instance(dirA, "A", fresh: false);
            var (versionOnA, itemsOnA) = await ItemsAsync(restartedA);
            Assert.Equal("2.0.0", versionOnA);
            Assert.Equal(["党章"], itemsOnA);
            Assert.DoesNotContain("需要重启", await ModulesPageAsync(restartedA));
            // Applied once (by B); A only followed.
            Assert.Single(await restartedA.AuditAsync("plugin.upgraded"));
            Assert.Contains(await restartedA.AuditAsync("plugin.instance.upgraded"), l => l.Contains("跟随另一实例：已从 1.0.0 升级到 2.0.0"));
        }
    }

    [PostgreSqlFact]
    public async Task Two_instances_starting_together_apply_a_staged_upgrade_once()
    {
        var dirA = PortalFactory.NewWorkDir();
        var dirB = PortalFactory.NewWorkDir();
        using (var a = Instance(dirA, "A"))
        using (var b = Instance(dirB, "B", dirA))
        {
            _ = a.Server;
            _ = b.Server;
            await ShelfOnBothAsync(a, b);
            await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf-v2"));
        }

        using var a2 = Instance(dirA, "A", fresh: false);
        using var b2 = Instance(dirB, "B", dirA, fresh: false);
        await Task.WhenAll(Task.Run(() => a2.Server), Task.Run(() => b2.Server));
        Assert.Equal("2.0.0", (await ItemsAsync(a2)).Version);
        Assert.Equal("2.0.0", (await ItemsAsync(b2)).Version);
        Assert.Single(await a2.AuditAsync("plugin.upgraded"));
        Assert.Single(await a2.AuditAsync("plugin.instance.upgraded"));
    }

    [PostgreSqlFact]
    public async Task An_uninstall_reaches_the_other_instance_keeping_or_deleting_the_data()
    {
        var dirA = PortalFactory.NewWorkDir();
        var dirB = PortalFactory.NewWorkDir();
        using (var a = Instance(dirA, "A"))
        using (var b = Instance(dirB, "B", dirA))
        {
            _ = a.Server;
            _ = b.Server;
            await ShelfOnBothAsync(a, b);
            var staged = await (await a.SignedInAsync("admin")).PostFormAsync("/Platform/Modules?uninstall=shelf", new Dictionary<string, string> { ["KeepData"] = "keep" }, "/Platform/Modules?handler=Uninstall&folder=shelf");
            Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
            Assert.Contains("下次启动时卸载，保留其数据", await ModulesPageAsync(b));
        }

        // B starts first: it uninstalls, keeping the data; A then follows.
        using (var b = Instance(dirB, "B", dirA, fresh: false))
        {
            _ = b.Server;
            Assert.DoesNotContain(b.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));
            Assert.Equal(["1"], await b.QueryAsync("SELECT count(*) FROM shelf_item"));
            Assert.Contains(await b.AuditAsync("plugin.uninstalled"), l => l.Contains("模块数据已保留"));
        }
        using (var a = Instance(dirA, "A", fresh: false))
        using (var b = Instance(dirB, "B", dirA, fresh: false))
        {
            _ = a.Server;
            Assert.DoesNotContain(a.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(a.PluginsDir, "shelf")));
            Assert.Contains("已卸载", await ModulesPageAsync(a));

            // Installed again on A: B gets it live and finds the data; this time uninstalled from B, deleting the data.
            _ = b.Server;
            await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf"));
            Assert.Equal(1, await TickAsync(b));
            Assert.Equal(["党章"], (await ItemsAsync(b)).Items);
            var staged = await (await b.SignedInAsync("admin")).PostFormAsync("/Platform/Modules?uninstall=shelf", new Dictionary<string, string> { ["KeepData"] = "delete" }, "/Platform/Modules?handler=Uninstall&folder=shelf");
            Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
            Assert.Contains("下次启动时卸载，并删除其数据", await ModulesPageAsync(a));
        }
        using (var a = Instance(dirA, "A", fresh: false))
        {
            _ = a.Server;
            Assert.DoesNotContain(a.Catalog.All, p => p.Id == "shelf");
            Assert.Equal(["0"], await a.QueryAsync("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('shelf_item', '__migrations_shelf')"));
            Assert.Contains(await a.AuditAsync("plugin.uninstalled"), l => l.Contains("模块数据已删除"));
        }
        using (var b = Instance(dirB, "B", dirA, fresh: false))
        {
            _ = b.Server;
            Assert.DoesNotContain(b.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));
            Assert.True(b.Catalog.IsRunning("notes"));
        }
    }

    [PostgreSqlFact]
    public async Task A_tampered_package_row_is_refused_by_the_other_instance_with_the_reason_shown()
    {
        var dirA = PortalFactory.NewWorkDir();
        var dirB = PortalFactory.NewWorkDir();
        using var a = Instance(dirA, "A");
        _ = a.Server;
        using (var b = Instance(dirB, "B", dirA))
        {
            _ = b.Server;
            await (await a.SignedInAsync("admin")).UploadOkAsync(Packages.Pack("shelf"));

            // The bytes changed after they were accepted (a touched row): the recorded hash no longer matches.
            await a.ExecAsync("UPDATE \"PluginPackages\" SET \"Content\" = \"Content\" || '\\x00'::bytea, \"Version\" = \"Version\" + 1 WHERE \"PluginId\" = 'shelf'");
            Assert.Equal(0, await TickAsync(b));
            Assert.DoesNotContain(b.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));
            Assert.Contains("与接收时记录的 SHA-256 不符", await ModulesPageAsync(a));
            Assert.Contains(await b.AuditAsync("plugin.instance.refused"), l => l.Contains("SHA-256 不符"));
            Assert.Equal(HttpStatusCode.NotFound, (await (await b.SignedInAsync("office")).GetAsync("/m/shelf")).StatusCode);

            // Content and hash changed together: the package's own hash list still gives it away.
            var files = Packages.Files("shelf");
            var forged = new Dictionary<string, byte[]>(files) { ["Fixture.Shelf.dll"] = [.. files["Fixture.Shelf.dll"], 0] };
            var bytes = Packages.Zip(forged, hashed: files);
            await a.ExecAsync("UPDATE \"PluginPackages\" SET \"Content\" = @c, \"Sha256\" = @h, \"Version\" = \"Version\" + 1 WHERE \"PluginId\" = 'shelf'",
                ("c", bytes), ("h", PackageFormat.Sha256Hex(bytes)));
            Assert.Equal(0, await TickAsync(b));
            Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));
            Assert.Contains("“Fixture.Shelf.dll”的 SHA-256 与哈希清单不符", await ModulesPageAsync(b));
        }

        // Nor does a restart take it.
        using (var b = Instance(dirB, "B", dirA, fresh: false))
        {
            _ = b.Server;
            Assert.DoesNotContain(b.Catalog.All, p => p.Id == "shelf");
            Assert.False(Directory.Exists(Path.Combine(b.PluginsDir, "shelf")));
            Assert.Contains("SHA-256 与哈希清单不符", await ModulesPageAsync(b));
            // Its watcher does not try the same row again.
            var refusals = (await b.AuditAsync("plugin.instance.refused")).Count;
            Assert.Equal(0, await TickAsync(b));
            Assert.Equal(refusals, (await b.AuditAsync("plugin.instance.refused")).Count);
            Assert.True(a.Catalog.IsRunning("shelf")); // A, which checked the upload, keeps running it
        }
    }
}
