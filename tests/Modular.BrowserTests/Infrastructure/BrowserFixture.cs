using Microsoft.Playwright;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Infrastructure;

/// <summary>The portal on a real port (Kestrel) and one headless Chromium shared by a test class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this("notes") { }

    /// <summary>A portal with other plugins (fixtures or first-party modules), for a module's own journeys.</summary>
    protected BrowserFixture(params string[] plugins) => Portal = new PortalFactory(plugins);

    public PortalFactory Portal { get; }
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseUrl = Portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Portal.Dispose();
    }
}
