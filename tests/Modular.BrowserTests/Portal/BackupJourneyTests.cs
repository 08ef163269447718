using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Portal;

/// <summary>The platform administrator backs up from a phone: menu, button, the new backup listed as a card.</summary>
public sealed class BackupJourneyTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_platform_administrator_backs_up_now_on_a_phone() => StepsAsync("backup-now", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "备份", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "备份", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "立即备份" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("notice")).ToContainTextAsync("已写入");
        var row = Page.Locator("table[data-testid=backups] tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("成功");
        await Assertions.Expect(Page.Locator("table.table-cards thead")).ToBeHiddenAsync();
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
    });
}
