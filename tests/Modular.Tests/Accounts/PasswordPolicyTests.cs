using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Accounts;

/// <summary>Initial and expired passwords, reuse of the last five, the second factor, and sign-in rate limiting.</summary>
public sealed class PasswordPolicyTests : IClassFixture<PasswordPolicyTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public PasswordPolicyTests(Portal portal) => _portal = portal;

    private async Task<PortalUser> UserAsync(string userName, Func<UserManager<PortalUser>, PortalUser, Task>? change = null)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        if (change is not null)
        {
            await change(users, user);
            await users.UpdateAsync(user);
        }
        return user;
    }

    private static Task<HttpResponseMessage> ChangePassword(HttpClient client, string current, string next) =>
        client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });

    [Fact]
    public async Task An_account_created_by_an_administrator_must_change_its_initial_password_first()
    {
        var office = await _portal.SignedInAsync("office");
        var added = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string>
        {
            ["Input.UserName"] = "new-member", ["Input.DisplayName"] = "赵新", ["Input.Password"] = "Init@2026a",
        }, "/Agency/Accounts?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var client = await _portal.SignedInAsync("new-member", "Init@2026a");
        var home = await client.GetAsync("/");
        Assert.Equal("/Account/ChangePassword?returnUrl=%2F", home.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/m/notes/api/notes")).StatusCode);

        var same = await ChangePassword(client, "Init@2026a", "Init@2026a");
        Assert.Contains("新密码不能与当前密码相同。", await same.Content.ReadAsStringAsync());
        var ok = await ChangePassword(client, "Init@2026a", "Mine@2026b");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_expired_password_must_be_changed()
    {
        await _portal.CreateAgencyAsync("PWD1", "old-password", "member", "notes");
        await UserAsync("old-password", (_, u) => { u.PasswordChangedAt = DateTime.UtcNow.AddDays(-91); return Task.CompletedTask; });
        var client = await _portal.SignedInAsync("old-password");
        Assert.StartsWith("/Account/ChangePassword", (await client.GetAsync("/")).Headers.Location!.ToString());
        Assert.Contains("已过期", await client.GetStringAsync("/Account/ChangePassword"));
    }

    [Fact]
    public async Task None_of_the_last_five_passwords_may_be_used_again()
    {
        await _portal.CreateAgencyAsync("PWD2", "rotator", "member");
        var client = await _portal.SignedInAsync("rotator");
        var current = DemoSeeder.DemoPassword;
        for (var i = 1; i <= 4; i++)
        {
            var next = $"Rotate@{i}x2026";
            Assert.Equal(HttpStatusCode.Redirect, (await ChangePassword(client, current, next)).StatusCode);
            current = next;
        }
        // The first password is one of the last five (demo + 4 changes): refused.
        var reuse = await ChangePassword(client, current, DemoSeeder.DemoPassword);
        Assert.Contains("不能使用最近 5 次用过的密码。", await reuse.Content.ReadAsStringAsync());
        // One more change pushes it out of the window.
        Assert.Equal(HttpStatusCode.Redirect, (await ChangePassword(client, current, "Rotate@5x2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangePassword(client, "Rotate@5x2026", DemoSeeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_password_and_weak_new_password_are_explained()
    {
        await _portal.CreateAgencyAsync("PWD3", "careless", "member");
        var client = await _portal.SignedInAsync("careless");
        var wrong = await ChangePassword(client, "not-my-password", "Better@2026");
        Assert.Contains("当前密码不正确。", await wrong.Content.ReadAsStringAsync());
        var weak = await ChangePassword(client, DemoSeeder.DemoPassword, "password");
        Assert.Contains("至少三类", await weak.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_second_factor_is_needed_at_sign_in_once_turned_on_and_a_recovery_code_works_once()
    {
        await _portal.CreateAgencyAsync("TOTP", "careful", "member");
        var client = await _portal.SignedInAsync("careful");
        var manage = await client.GetStringAsync("/Account/Manage");
        var key = Regex.Match(manage, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value;
        Assert.Contains("data:image/png;base64,", manage);

        var wrong = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["code"] = "000000" }, "/Account/Manage?handler=Enable");
        Assert.Contains("验证码错误或已过期。", await wrong.Content.ReadAsStringAsync());
        var enabled = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["code"] = Totp.Code(key) }, "/Account/Manage?handler=Enable");
        var html = await enabled.Content.ReadAsStringAsync();
        var codes = Regex.Matches(Regex.Match(html, "data-testid=\"recovery-codes\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        // Password alone is no longer enough.
        var fresh = _portal.NewClient();
        var step1 = await fresh.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "careful", ["Input.Password"] = DemoSeeder.DemoPassword });
        Assert.Contains("LoginWith2fa", step1.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/")).StatusCode);
        var step2 = await fresh.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);

        // A recovery code works once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var other = _portal.NewClient();
            await other.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "careful", ["Input.Password"] = DemoSeeder.DemoPassword });
            var recovery = await other.PostFormAsync("/Account/LoginWith2fa?recovery=true", new Dictionary<string, string> { ["Code"] = codes[0], ["Recovery"] = "true" });
            Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.OK, recovery.StatusCode);
        }
    }
}
