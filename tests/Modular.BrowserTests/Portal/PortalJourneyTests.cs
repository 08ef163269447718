using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Portal;

/// <summary>What each kind of user does first, clicked in a real browser.</summary>
public sealed class PortalJourneyTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("admin", "单位列表")]
    [InlineData("secadmin", "管理员账号")]
    [InlineData("auditor", "审计日志")]
    [InlineData("office", "本单位模块")]
    [InlineData("secretary", "组织架构")]
    [InlineData("member", "我的党员信息")]
    public Task Each_role_signs_in_and_sees_its_own_menu(string user, string menuItem) => StepsAsync($"role-{user}", async () =>
    {
        await SignInAsync(user);
        var nav = Page.Locator("#portal-nav");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = menuItem, Exact = true })).ToBeVisibleAsync();
        if (user != "office") await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "本单位模块" })).ToHaveCountAsync(0);
        if (user != "auditor") await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "审计日志" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Page.WaitForURLAsync(u => u.Contains("/Account/Login"));
        await Page.GotoAsync(Url("/"));
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    });

    [Fact]
    public Task The_agency_administrator_turns_a_module_off_and_on_again() => StepsAsync("module-toggle", async () =>
    {
        await SignInAsync("office");
        var nav = Page.Locator("#portal-nav");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "笔记列表" })).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "笔记列表" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("示例笔记")).ToBeVisibleAsync();

        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GotoAsync(Url("/Agency/Modules"));
        await Page.Locator("tr[data-module=notes]").GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("模块已关闭，数据已保留。")).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "笔记列表" })).ToHaveCountAsync(0);
        var gone = await Page.GotoAsync(Url("/m/notes"));
        Assert.Equal(404, gone!.Status);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();

        await Page.GotoAsync(Url("/Agency/Modules"));
        await Page.Locator("tr[data-module=notes]").GetByRole(AriaRole.Button, new() { Name = "开启" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("模块已开启。")).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "笔记列表" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("示例笔记")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_user_in_two_agencies_switches_in_the_header() => StepsAsync("switch-agency", async () =>
    {
        await SignInAsync("office");
        var switcher = Page.Locator("#switch-agency");
        await Assertions.Expect(switcher).ToBeVisibleAsync();
        await switcher.SelectOptionAsync(new SelectOptionValue { Label = "市委政研室" });
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(Page.Locator("#switch-agency option:checked")).ToHaveTextAsync("市委政研室");
        await Page.GotoAsync(Url("/Directory/Organizations"));
        await Assertions.Expect(Page.GetByText("中共XX市委政策研究室机关委员会")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("中共XX市数据资源管理局机关委员会")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task On_a_phone_the_menu_opens_and_lists_become_cards() => StepsAsync("phone", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("office");
        var nav = Page.Locator("#portal-nav");
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await Page.GotoAsync(Url("/Directory/Members"));
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        await Assertions.Expect(Page.Locator("table.table-cards thead")).ToBeHiddenAsync();
    });
}
