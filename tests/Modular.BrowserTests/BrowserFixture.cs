using Microsoft.Playwright;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests;

/// <summary>The portal on a real port (Kestrel) and one headless Chromium shared by a test class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this("notes") { }

    /// <summary>A portal with other plugins (fixtures or first-party modules) for a test class of its own.</summary>
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

/// <summary>A page per test; on failure its screenshot and HTML are kept under the test output.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;
    protected IPage Page { get; private set; } = null!;
    private IBrowserContext _context = null!;

    public virtual async Task InitializeAsync()
    {
        _context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        // The suite shares two cores with the integration tests: allow slow moments.
        _context.SetDefaultTimeout(60_000);
        _context.SetDefaultNavigationTimeout(60_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    protected string Url(string path) => Fixture.BaseUrl + path;

    /// <summary>Runs the steps; if one fails, saves what the browser showed (screenshot and HTML) before rethrowing.</summary>
    protected async Task StepsAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "failures");
            Directory.CreateDirectory(dir);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(dir, name + ".html"), await Page.ContentAsync());
            throw;
        }
    }

    protected async Task SignInAsync(string user, string password = Modular.Host.Data.DemoSeeder.DemoPassword)
    {
        await Page.GotoAsync(Url("/Account/Login"));
        await Page.GetByLabel("用户名").FillAsync(user);
        await Page.GetByLabel("密码").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
    }
}
