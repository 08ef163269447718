using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Shell.Modules;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// A module turned on in a demo agency after the first start (here a plugin installed while the portal runs) gets its demo
/// data then, once, audited; never in an agency the demo seeding did not create, nor in a portal without demo data; a
/// seeder that fails leaves the module on and says so.
/// </summary>
public sealed class PluginDemoDataTests
{
    private sealed record Note(int Id, string Title);

    private static async Task<List<string>> NotesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<Note>>("/m/notes/api/notes"))!.Select(n => n.Title).ToList();

    /// <summary>The platform allows the module (it starts off); the agency's administrator turns it on on the Modules page.</summary>
    private static async Task<HttpResponseMessage> AllowAndTurnOnAsync(PortalFactory portal, HttpClient agencyAdmin, int agencyId, string moduleId)
    {
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ModuleSwitchboard>().SetAllowedAsync(agencyId, [moduleId], new HashSet<string> { moduleId }, default);
        return await ToggleAsync(agencyAdmin, moduleId, true);
    }

    private static Task<HttpResponseMessage> ToggleAsync(HttpClient agencyAdmin, string moduleId, bool enable) =>
        agencyAdmin.PostFormAsync("/Agency/Modules", new Dictionary<string, string> { ["enable"] = enable ? "true" : "false" },
            $"/Agency/Modules?handler=Toggle&moduleId={moduleId}");

    [Fact]
    public async Task A_plugin_installed_live_gets_its_demo_data_once_in_a_demo_agency_it_is_turned_on_in()
    {
        using var portal = new PortalFactory();
        var admin = await portal.SignedInAsync("admin");
        Assert.Contains("已安装并运行", await admin.UploadOkAsync(Packages.Pack("notes")));
        var agency = await portal.DemoAgencyIdAsync();
        var office = await portal.SignedInAsync("office");

        Assert.Equal(HttpStatusCode.Redirect, (await AllowAndTurnOnAsync(portal, office, agency, "notes")).StatusCode);
        Assert.Equal(["示例笔记"], await NotesAsync(office));
        var line = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "demo-data.seed" && e.Target == "Module:notes"));
        Assert.Equal("office", line.UserName);

        // Once: the data deleted, turning the module off and on again brings none back.
        var id = (await office.GetFromJsonAsync<List<Note>>("/m/notes/api/notes"))!.Single().Id;
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/m/notes/api/notes/{id}")).StatusCode);
        await ToggleAsync(office, "notes", false);
        await ToggleAsync(office, "notes", true);
        Assert.Empty(await NotesAsync(office));
        Assert.Single(await portal.AuditAsync("demo-data.seed"), l => l.StartsWith("Module:notes"));

        // An agency the platform created (not the demo seeding's) gets none.
        var other = await portal.CreateAgencyAsync("REAL", "real-office", Roles.AgencyAdmin);
        var realOffice = await portal.SignedInAsync("real-office");
        Assert.Equal(HttpStatusCode.Redirect, (await AllowAndTurnOnAsync(portal, realOffice, other, "notes")).StatusCode);
        Assert.Empty(await NotesAsync(realOffice));
    }

    [Fact]
    public async Task A_portal_that_runs_without_demo_data_seeds_none_even_in_an_agency_that_was_a_demo()
    {
        string workDir;
        using (var demo = new PortalFactory())
        {
            workDir = demo.WorkDir;
            await demo.DemoAgencyIdAsync();
        }
        using var portal = new PortalFactory(workDir, ["notes"]);
        portal.Settings["Modular:SeedDemoData"] = "false";
        var agency = await portal.DemoAgencyIdAsync();
        var office = await portal.SignedInAsync("office");

        Assert.Equal(HttpStatusCode.Redirect, (await AllowAndTurnOnAsync(portal, office, agency, "notes")).StatusCode);
        Assert.Empty(await NotesAsync(office));
        Assert.Empty(await portal.AuditAsync("demo-data.seed"));
    }

    [Fact]
    public async Task A_seeder_that_fails_leaves_the_module_on_and_says_so()
    {
        string workDir;
        using (var demo = new PortalFactory())
        {
            workDir = demo.WorkDir;
            await demo.DemoAgencyIdAsync();
        }
        using var portal = new FailingSeederPortal(workDir);
        var agency = await portal.DemoAgencyIdAsync();
        var office = await portal.SignedInAsync("office");

        var response = await AllowAndTurnOnAsync(portal, office, agency, "notes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await office.GetStringAsync("/Agency/Modules");
        Assert.Equal("模块已开启。", Html.Text(page, ".alert-success"));
        Assert.Contains("“工作笔记”的演示数据未能生成", Html.Text(page, "[data-testid=page-error]"));
        Assert.Contains("status-good", Html.Parse(page).QuerySelector("tr[data-module=notes]")!.InnerHtml);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/notes/api/notes")).StatusCode);
        Assert.Contains(portal.Log.Entries, e => e.Contains("Demo data of module notes failed") && e.Contains("demo seeder broke"));
        Assert.Empty(await portal.AuditAsync("demo-data.seed"));
    }

    /// <summary>The same portal with a second demo seeder of the notes module that throws.</summary>
    private sealed class FailingSeederPortal(string workDir) : PortalFactory(workDir, ["notes"])
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<IDemoDataSeeder, BrokenSeeder>());
        }
    }

    private sealed class BrokenSeeder : IDemoDataSeeder
    {
        public string ModuleId => "notes";
        public Task SeedAsync(int seed, CancellationToken cancellationToken) => throw new InvalidOperationException("demo seeder broke");
    }
}
