using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Accounts;

/// <summary>Separation of the three administrators.</summary>
public sealed class AdministratorTests : IClassFixture<AdministratorTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public AdministratorTests(Portal portal) => _portal = portal;

    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    private static Task<HttpResponseMessage> SetRole(HttpClient client, string userName, string role) =>
        client.PostFormAsync("/Security/Administrators", new Dictionary<string, string> { ["userName"] = userName, ["role"] = role }, "/Security/Administrators?handler=Role");

    [Fact]
    public async Task An_account_holds_at_most_one_administrator_role()
    {
        // An account of no agency: one that belongs to an agency gets no platform role (AccountRightsTests).
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>()
                .CreateAsync(new PortalUser { UserName = "future-admin", DisplayName = "future-admin" }, DemoSeeder.DemoPassword)).Succeeded);
        var sec = await _portal.SignedInAsync("secadmin");
        Assert.Equal(HttpStatusCode.Redirect, (await SetRole(sec, "future-admin", Roles.AuditAdmin)).StatusCode);
        Assert.Equal([Roles.AuditAdmin], await RolesOfAsync("future-admin"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetRole(sec, "future-admin", Roles.PlatformAdmin)).StatusCode);
        Assert.Equal([Roles.PlatformAdmin], await RolesOfAsync("future-admin"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetRole(sec, "future-admin", "")).StatusCode);
        Assert.Empty(await RolesOfAsync("future-admin"));
    }

    [Fact]
    public async Task The_security_administrator_cannot_change_their_own_role_and_others_cannot_assign_roles()
    {
        var sec = await _portal.SignedInAsync("secadmin");
        var own = await SetRole(sec, "secadmin", Roles.PlatformAdmin);
        Assert.Contains("不能修改自己的管理员角色。", await own.Content.ReadAsStringAsync());
        Assert.Equal([Roles.SecurityAdmin], await RolesOfAsync("secadmin"));

        var unknown = await SetRole(sec, "nobody-here", Roles.AuditAdmin);
        Assert.Contains("没有该用户名的账号。", await unknown.Content.ReadAsStringAsync());

        var admin = await _portal.SignedInAsync("admin");
        Assert.Contains("/Account/AccessDenied", (await admin.GetAsync("/Security/Administrators")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_locked_account_is_listed_and_can_be_unlocked()
    {
        await _portal.CreateAgencyAsync("ADM2", "locked-one", "member");
        var client = _portal.NewClient();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "locked-one", ["Input.Password"] = "x" + i });
        var sec = await _portal.SignedInAsync("secadmin");
        var page = await sec.GetStringAsync("/Security/Administrators");
        Assert.Contains("locked-one", page);
        Assert.Contains("锁定至", page);
        string userId;
        await using (var scope = _portal.Services.CreateAsyncScope())
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("locked-one"))!.Id;
        Assert.Contains(userId, page);
        Assert.Equal(HttpStatusCode.Redirect, (await sec.PostFormAsync("/Security/Administrators", new Dictionary<string, string>(), $"/Security/Administrators?handler=Unlock&userId={userId}")).StatusCode);
        await _portal.SignedInAsync("locked-one");
    }

    [Fact]
    public async Task An_agency_administrator_cannot_pull_in_an_account_of_another_agency()
    {
        await _portal.CreateAgencyAsync("ELSE", "someone-else", "member");
        var office = await _portal.SignedInAsync("office");
        var response = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["Input.UserName"] = "someone-else", ["Input.DisplayName"] = "某人", ["Input.Password"] = "Good@2026x", ["Input.Admin"] = "true" }, "/Agency/Accounts?handler=Add");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该用户名已被使用。", await response.Content.ReadAsStringAsync());
        var admin = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.DisplayName"] = "某人", ["Input.Password"] = "Good@2026x" }, "/Agency/Accounts?handler=Add");
        Assert.Contains("该用户名已被使用。", await admin.Content.ReadAsStringAsync());
    }
}
