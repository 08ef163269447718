using System.Net;
using Microsoft.EntityFrameworkCore;
using Modular.Plugins;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>Every way a plugin can be broken, with real fixture plugins; the host and the good plugins go on.</summary>
public sealed class PluginLoadingTests : IClassFixture<PluginLoadingTests.AllFixtures>
{
    public sealed class AllFixtures() : PortalFactory(
        "notes", "tasks", "throwing", "bad-migration", "bad-manifest", "bad-json", "sdk-mismatch",
        "missing-dependency", "notes-copy", "needs-throwing",
        "impostor-widget", "impostor-todo", "impostor-job", "impostor-source", "impostor-kind", "impostor-seeder", "impostor-menu",
        "impostor-database", "impostor-factory");

    private readonly AllFixtures _portal;

    public PluginLoadingTests(AllFixtures portal)
    {
        _portal = portal;
        _ = portal.Server; // start the host
    }

    private PluginDescriptor Folder(string name) => _portal.Catalog.All.Single(p => p.FolderName == name);

    [Fact]
    public void Good_plugins_run_in_dependency_order()
    {
        var notes = Folder("notes");
        var tasks = Folder("tasks");
        Assert.True(notes.IsRunning, notes.FailureReason);
        Assert.True(tasks.IsRunning, tasks.FailureReason);
        Assert.True(notes.Order < tasks.Order);
        Assert.Equal(["notes", "tasks"], _portal.Catalog.Running.Select(p => p.Id));
    }

    [Theory]
    [InlineData("bad-manifest", "清单无效")]
    [InlineData("bad-json", "不是有效的 JSON")]
    [InlineData("sdk-mismatch", "SDK")]
    [InlineData("missing-dependency", "缺少依赖的模块“nowhere”")]
    [InlineData("notes-copy", "重复")]
    [InlineData("throwing", "注册时出错")]
    [InlineData("needs-throwing", "依赖的模块“throwing”未能加载")]
    [InlineData("bad-migration", "数据库迁移失败")]
    public void Broken_plugin_is_refused_with_its_reason(string folder, string reason)
    {
        var plugin = Folder(folder);
        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains(reason, plugin.FailureReason);
    }

    [Theory]
    [InlineData("impostor-widget", "首页卡片 ForeignWidget 登记在模块“notes”名下，而插件的标识是“impostor-widget”")]
    [InlineData("impostor-todo", "待办来源 ForeignTodo 登记在模块“notes”名下")]
    [InlineData("impostor-job", "定时任务 ForeignJob 登记在模块“notes”名下")]
    [InlineData("impostor-source", "共享记录来源 ForeignSource 登记在模块“notes”名下")]
    [InlineData("impostor-kind", "记录类型“notes.note”须以“impostor-kind.”开头")]
    [InlineData("impostor-seeder", "演示数据 ForeignSeeder 登记在模块“notes”名下")]
    [InlineData("impostor-menu", "菜单显示条件 ForeignMenuCheck 登记在模块“notes”名下")]
    [InlineData("impostor-database", "数据库上下文 ImpostorDbContext 登记在模块“notes”名下")]
    [InlineData("impostor-factory", "不能用工厂")]
    public async Task A_contribution_under_another_modules_id_fails_its_plugin_with_the_reason_shown(string folder, string reason)
    {
        var plugin = Folder(folder);
        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains(reason, plugin.FailureReason);
        Assert.Null(plugin.Module);
        var html = System.Net.WebUtility.HtmlDecode(await (await _portal.SignedInAsync("admin")).GetStringAsync("/Platform/Modules"));
        Assert.Contains(reason, html);
    }

    [Fact]
    public async Task Nothing_of_a_plugin_refused_for_a_foreign_contribution_is_registered_or_shown()
    {
        Assert.DoesNotContain(_portal.Registrations, d =>
            (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.Assembly.GetName().Name == "Fixture.Impostor"
            || ((d.IsKeyedService ? d.KeyedImplementationFactory : (Delegate?)d.ImplementationFactory)?.Method.DeclaringType?.Assembly.GetName().Name == "Fixture.Impostor")
            || (d.ServiceType == typeof(Modular.Sdk.ModuleDbContextRegistration) && ((Modular.Sdk.ModuleDbContextRegistration)d.ImplementationInstance!).ContextType.Name == "ImpostorDbContext"));
        var client = await _portal.SignedInAsync("office");
        Assert.DoesNotContain("冒名卡片", await client.GetStringAsync("/"));
        Assert.DoesNotContain("冒名待办", await client.GetStringAsync("/Todo"));
    }

    [Fact]
    public void Refused_manifests_never_load_code()
    {
        foreach (var folder in new[] { "bad-manifest", "bad-json", "sdk-mismatch", "missing-dependency", "notes-copy", "needs-throwing" })
        {
            Assert.Null(Folder(folder).Assembly);
        }
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Fixture.Misfit");
    }

    [Fact]
    public void A_plugin_that_throws_while_registering_leaves_no_services_behind()
    {
        Assert.DoesNotContain(_portal.Registrations, d =>
            (d.ServiceType.Assembly.GetName().Name == "Fixture.Throwing") ||
            (d.ImplementationType?.Assembly.GetName().Name == "Fixture.Throwing"));
    }

    [Fact]
    public async Task Failed_migration_rolls_back()
    {
        Assert.False(_portal.Catalog.IsRunning("bad-migration"));
        // SQL on purpose: the plugin's tables must not exist in the database at all.
        var tables = await _portal.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = TestDatabase.Sql(
                sqlite: "SELECT count(*) FROM sqlite_master WHERE name = 'bad_thing'",
                postgres: "SELECT count(*) FROM information_schema.tables WHERE table_name = 'bad_thing'");
            return Convert.ToInt32(await cmd.ExecuteScalarAsync());
        });
        Assert.Equal(0, tables);
    }

    [Fact]
    public async Task Each_plugin_keeps_its_own_version_of_a_private_dependency()
    {
        var client = await _portal.SignedInAsync("office");
        var notesVersion = await client.GetStringAsync("/m/notes/api/private-dependency");
        var tasksVersion = await client.GetStringAsync("/m/tasks/api/private-dependency");
        Assert.StartsWith("30.", notesVersion);
        Assert.StartsWith("33.", tasksVersion);
    }

    [Fact]
    public async Task Platform_modules_page_lists_every_plugin_with_state_and_reason()
    {
        var client = await _portal.SignedInAsync("admin");
        var html = await client.GetStringAsync("/Platform/Modules");
        Assert.Contains("工作笔记", html);
        Assert.Contains("运行中", html);
        Assert.Contains("未加载", html);
        Assert.Contains("fixture failure while registering", html);
        Assert.Contains("插件要求 SDK", html);
    }

    [Fact]
    public async Task Host_keeps_working_and_plugin_pages_are_served()
    {
        var client = await _portal.SignedInAsync("office");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var notes = await client.GetStringAsync("/m/notes");
        Assert.Contains("示例笔记", notes);
        Assert.Contains("portal-header", notes); // rendered inside the portal's layout
        var tasks = await client.GetStringAsync("/m/tasks");
        Assert.Contains("任务模块首页", tasks);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/bad-migration")).StatusCode);
    }

    [Fact]
    public async Task Static_files_are_served_from_the_plugin_folder()
    {
        var client = _portal.NewClient();
        var css = await client.GetAsync("/m/notes/static/notes.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("notes-greeting", await css.Content.ReadAsStringAsync());
    }
}
