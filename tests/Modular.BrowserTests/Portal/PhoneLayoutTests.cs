using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Portal;

/// <summary>The portal with the modules whose lists carry small actions.</summary>
public sealed class PhoneFixture() : BrowserFixture("org-life", "volunteer");

/// <summary>A secretary on a phone (390 px wide): a tidy header and actions big enough for a finger.</summary>
public sealed class PhoneLayoutTests(PhoneFixture fixture) : BrowserTest(fixture), IClassFixture<PhoneFixture>
{
    [Fact]
    public Task The_header_takes_two_rows_at_most() => StepsAsync("phone-header", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        // office works for two agencies: the header carries the agency switcher, its widest case.
        await SignInAsync("office");
        await Assertions.Expect(Page.Locator("#agency-switcher")).ToBeVisibleAsync();
        var rows = await Page.EvaluateAsync<int>("""
            () => {
                const items = [...document.querySelectorAll('.portal-header a, .portal-header button, .portal-header select, .portal-header .header-agency')]
                    .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height > 0);
                const middles = [...new Set(items.map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))].sort((a, b) => a - b);
                return middles.filter((m, i) => i === 0 || m - middles[i - 1] > 16).length;
            }
            """);
        var header = (await Page.Locator(".portal-header").BoundingBoxAsync())!;
        Assert.True(rows <= 2, $"the header wraps to {rows} rows at 390 px");
        Assert.True(header.Height < 120, $"the header is {header.Height} px high at 390 px");
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        // Everything is still there: the menu opens, messages, user and sign-out are visible.
        await Assertions.Expect(Page.GetByTestId("messages")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#portal-nav")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Small_actions_in_lists_are_finger_sized() => StepsAsync("phone-targets", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/org-life/Compliance"));
        await AssertFingerSizedAsync(Page.Locator("a[href*='manual.docx']").First, "the compliance table's Word link");
        await AssertFingerSizedAsync(Page.Locator("a[href*='records.xlsx']").First, "the compliance table's Excel link");

        await Page.GotoAsync(Url("/m/volunteer/Partners"));
        await Page.Locator("table a[href*='/Partners/Details/']").First.ClickAsync();
        await AssertFingerSizedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "移除", Exact = true }).First, "a contact's 移除 button");
        await AssertFingerSizedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "删除", Exact = true }).First, "a log entry's 删除 button");
    });

    private static async Task AssertFingerSizedAsync(ILocator target, string what)
    {
        await target.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(target).ToBeVisibleAsync();
        var box = (await target.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44 && box.Width >= 44, $"{what} is {box.Width}×{box.Height} px, less than 44 px");
    }
}
