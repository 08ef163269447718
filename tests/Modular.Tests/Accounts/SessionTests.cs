using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Accounts;

/// <summary>Sign-in, lockout, the agency switcher, sign-out and the role-limited pages.</summary>
public sealed class SessionTests : IClassFixture<SessionTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public SessionTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Wrong_password_gets_a_clear_message_and_keeps_the_user_name()
    {
        var client = _portal.NewClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "office",
            ["Input.Password"] = "wrong-password",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码错误。", html);
        Assert.Contains("value=\"office\"", html);
    }

    [Fact]
    public async Task Empty_sign_in_form_shows_messages_next_to_the_fields()
    {
        var client = _portal.NewClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入用户名。", html);
        Assert.Contains("请输入密码。", html);
    }

    [Fact]
    public async Task Five_failures_lock_the_account()
    {
        await _portal.CreateAgencyAsync("LOCK", "locky", "member");
        var client = _portal.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "locky", ["Input.Password"] = "nope" + i });
        }
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "locky",
            ["Input.Password"] = Modular.Host.Data.DemoSeeder.DemoPassword,
        });
        // The right password no longer opens it; the answer is the one every refusal gets (see SignInHardeningTests).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误。连续输错 5 次后账号将锁定 30 分钟", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_in_two_agencies_switches_between_them_and_sees_each_ones_data()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var second = await _portal.CreateAgencyAsync("SWITCH", "office", "member", "notes");
        await _portal.AddNoteAsync(second, "第二单位的笔记");
        var client = await _portal.SignedInAsync("office");

        var home = await client.GetStringAsync("/");
        Assert.Contains("id=\"switch-agency\"", home);
        Assert.DoesNotContain("第二单位的笔记", await client.GetStringAsync("/m/notes"));

        var switched = await client.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = second.ToString(), ["returnUrl"] = "/m/notes" }, "/Account/SwitchAgency");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var notes = await client.GetStringAsync("/m/notes");
        Assert.Contains("第二单位的笔记", notes);
        Assert.DoesNotContain("示例笔记", notes);
        // Only a member there: no agency administration in this agency.
        Assert.DoesNotContain("本单位模块", await client.GetStringAsync("/"));

        var back = await client.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = demo.ToString() }, "/Account/SwitchAgency");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("示例笔记", await client.GetStringAsync("/m/notes"));
    }

    [Fact]
    public async Task Switching_into_an_agency_one_does_not_belong_to_is_refused()
    {
        var other = await _portal.CreateAgencyAsync("NOTMINE", "stranger", "member", "notes");
        var client = await _portal.SignedInAsync("member");
        var response = await client.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = other.ToString() }, "/Account/SwitchAgency");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var response = await client.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("member", "/Platform/Agencies", false)]
    [InlineData("office", "/Platform/Modules", false)]
    [InlineData("admin", "/Platform/Agencies", true)]
    [InlineData("admin", "/Platform/Modules", true)]
    [InlineData("office", "/Agency/Modules", true)]
    [InlineData("office", "/Agency/Accounts", true)]
    [InlineData("member", "/Agency/Accounts", false)]
    [InlineData("admin", "/Agency/Modules", false)]
    public async Task Pages_are_limited_to_their_roles(string user, string url, bool allowed)
    {
        var client = await _portal.SignedInAsync(user);
        var response = await client.GetAsync(url);
        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task Pages_are_in_Chinese_with_English_available()
    {
        var client = await _portal.SignedInAsync("office");
        var zh = await client.GetStringAsync("/");
        Assert.Contains("机关党建平台", zh);
        Assert.Contains("首页", zh);
        Assert.DoesNotContain("&#x", zh); // readable Chinese, not entities
        await client.GetAsync("/culture/en?returnUrl=/");
        var en = await client.GetStringAsync("/");
        Assert.Contains("Party-building portal", en);
        Assert.Contains("All notes", en); // a module's menu text in English
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _portal.NewClient().GetAsync("/Account/Login");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Removing_a_user_from_an_agency_ends_their_access_there_in_open_sessions()
    {
        var agency = await _portal.CreateAgencyAsync("GONE", "leaver", "agency-admin,member", "notes");
        // The agency keeps an administrator when the leaver goes.
        await _portal.WithDbAsync(async db =>
        {
            var stays = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
            db.AgencyMemberships.Add(new Modular.Host.Data.AgencyMembership { AgencyId = agency, UserId = stays, Roles = "agency-admin,member" });
            return await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInAsync("leaver");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/m/notes")).StatusCode);

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Modular.Host.Data.HostDbContext>();
            var membership = await db.AgencyMemberships.SingleAsync(m => m.AgencyId == agency && m.User!.UserName == "leaver");
            await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Accounts.MembershipService>().RemoveAsync(agency, membership.Id, default);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/m/notes")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await client.GetAsync("/Agency/Modules")).Headers.Location?.ToString() ?? "");
    }

    [Theory]
    [InlineData("/\\evil.example.com")]
    [InlineData("//evil.example.com")]
    [InlineData("https://evil.example.com")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        var response = await _portal.NewClient().GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }
}
