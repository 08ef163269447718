using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Tenancy;

/// <summary>A module off for an agency: pages and APIs 404, menu and widget gone, data kept; on again: all back.</summary>
public sealed class ModuleGateTests : IClassFixture<ModuleGateTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes", "tasks");

    private readonly Portal _portal;

    public ModuleGateTests(Portal portal) => _portal = portal;

    private static Task<HttpResponseMessage> Toggle(HttpClient client, string moduleId, bool enable) =>
        client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = enable ? "true" : "false" },
            $"/Agency/Modules?handler=Toggle&moduleId={moduleId}");

    [Fact]
    public async Task Turning_a_module_off_hides_everything_and_on_again_brings_it_back()
    {
        var client = await _portal.SignedInAsync("office");
        var before = await client.GetStringAsync("/");
        Assert.Contains("笔记列表", before);        // menu item
        Assert.Contains("笔记总数", before);        // dashboard widget
        Assert.Contains("示例笔记", await client.GetStringAsync("/Todo")); // to-do entry
        Assert.Contains("示例笔记", await client.GetStringAsync("/m/notes"));

        Assert.Equal(HttpStatusCode.Redirect, (await Toggle(client, "notes", enable: false)).StatusCode);

        var after = await client.GetStringAsync("/");
        Assert.DoesNotContain("笔记列表", after);
        Assert.DoesNotContain("笔记总数", after);
        Assert.DoesNotContain("示例笔记", await client.GetStringAsync("/Todo"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/notes/api/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/notes/Edit/1")).StatusCode);
        // "tasks" depends on "notes": it is off while notes is off, though its own switch is on.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/tasks")).StatusCode);
        Assert.Contains("需先开启", await client.GetStringAsync("/Agency/Modules"));

        Assert.Equal(HttpStatusCode.Redirect, (await Toggle(client, "notes", enable: true)).StatusCode);

        Assert.Contains("示例笔记", await client.GetStringAsync("/m/notes")); // data kept
        Assert.Contains("笔记列表", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/m/tasks")).StatusCode);
    }

    [Fact]
    public async Task A_member_cannot_switch_modules()
    {
        var client = await _portal.SignedInAsync("member");
        var page = await client.GetAsync("/Agency/Modules");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.ToString());
        Assert.DoesNotContain("本单位模块", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_module_the_platform_withdraws_is_off_and_cannot_be_turned_on_by_the_agency()
    {
        var agencyId = await _portal.CreateAgencyAsync("GATE2", "gate-admin", "agency-admin,member", "notes");
        var office = await _portal.SignedInAsync("gate-admin");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/notes")).StatusCode);

        var admin = await _portal.SignedInAsync("admin");
        var withdraw = await admin.PostFormAsync($"/Platform/Agencies/Modules/{agencyId}", new Dictionary<string, string>
        {
            ["allowed[0].ModuleId"] = "notes",
            ["allowed[1].ModuleId"] = "tasks",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/m/notes")).StatusCode);
        Assert.DoesNotContain("data-module=\"notes\"", await office.GetStringAsync("/Agency/Modules"));
        Assert.Equal(HttpStatusCode.NotFound, (await Toggle(office, "notes", enable: true)).StatusCode);

        var allow = await admin.PostFormAsync($"/Platform/Agencies/Modules/{agencyId}", new Dictionary<string, string>
        {
            ["allowed[0].ModuleId"] = "notes",
            ["allowed[0].Value"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, allow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/notes")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_users_are_sent_to_sign_in_and_APIs_answer_401()
    {
        var client = _portal.NewClient();
        var page = await client.GetAsync("/m/notes");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/m/notes/api/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ping")).StatusCode);
    }

    [Fact]
    public async Task Unknown_module_paths_answer_404()
    {
        var client = await _portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/nothing-here/api/x")).StatusCode);
    }

    [Fact]
    public async Task Module_settings_are_validated_next_to_the_field_and_kept_per_agency()
    {
        var client = await _portal.SignedInAsync("office");
        var bad = await client.PostFormAsync("/Agency/ModuleSettings/notes", new Dictionary<string, string>
        {
            ["values[greeting]"] = "你好，同志们",
            ["values[pageSize]"] = "abc",
            ["version"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("“每页条数”须为整数。", html);
        Assert.Contains("你好，同志们", html); // the user's input is kept

        var settingsPage = await client.GetStringAsync("/Agency/ModuleSettings/notes");
        var version = System.Text.RegularExpressions.Regex.Match(settingsPage, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var good = await client.PostFormAsync("/Agency/ModuleSettings/notes", new Dictionary<string, string>
        {
            ["values[greeting]"] = "你好，同志们",
            ["values[pageSize]"] = "30",
            ["version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var api = await client.GetStringAsync("/m/notes/api/settings");
        Assert.Contains("你好，同志们", System.Text.RegularExpressions.Regex.Unescape(api));
        Assert.Contains("30", api);
    }
}
