using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Plugins;

/// <summary>Central IT on a phone: a refused package explains itself under the field, a good one is installed and runs at once.</summary>
public sealed class PluginPackageJourneyTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_platform_administrator_installs_a_vendor_package_from_a_phone() => StepsAsync("package-install", async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("admin");
        await Page.GotoAsync(Url("/Platform/Modules"));

        var refusedFile = Path.Combine(Fixture.Portal.WorkDir, "wrong-sdk.modpkg");
        var files = Packages.Files("shelf");
        files["plugin.json"] = Packages.Manifest("""{ "id": "shelf", "name": { "zh-CN": "资料架" }, "version": "1.0.0", "sdk": "[2.0.0,3.0.0)", "entryAssembly": "Fixture.Shelf.dll" }""");
        await File.WriteAllBytesAsync(refusedFile, Packages.Zip(files));
        await Page.GetByLabel("安装包（.modpkg）").SetInputFilesAsync(refusedFile);
        await Page.GetByRole(AriaRole.Button, new() { Name = "检查并安装" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=package-errors]")).ToContainTextAsync("插件要求 SDK [2.0.0,3.0.0)");
        await Assertions.Expect(Page.Locator("tr[data-module=shelf]")).ToHaveCountAsync(0);

        var goodFile = Path.Combine(Fixture.Portal.WorkDir, "shelf-1.0.0.modpkg");
        await File.WriteAllBytesAsync(goodFile, Packages.Pack("shelf"));
        await Page.GetByLabel("安装包（.modpkg）").SetInputFilesAsync(goodFile);
        await Page.GetByRole(AriaRole.Button, new() { Name = "检查并安装" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("已安装并运行");
        var row = Page.Locator("tr[data-module=shelf]");
        await Assertions.Expect(row).ToContainTextAsync("运行中");
        await Assertions.Expect(row).ToContainTextAsync("Modular tests");
        await Assertions.Expect(row).ToContainTextAsync(Packages.TestPublisherName); // who signed it
        // Nothing on the page needs sideways scrolling on a phone.
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
    });
}
