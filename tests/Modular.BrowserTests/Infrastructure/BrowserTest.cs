using Microsoft.Playwright;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Infrastructure;

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

    public async Task DisposeAsync()
    {
        foreach (var c in _others) await c.DisposeAsync();
        await _context.DisposeAsync();
    }

    protected string Url(string path) => Fixture.BaseUrl + path;

    /// <summary>
    /// Runs the steps; if one fails, saves what the browser showed (screenshot and HTML) and rethrows with the page's
    /// address, its alerts and the server's recent warnings, so a failure on CI explains itself.
    /// </summary>
    protected async Task StepsAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception ex)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "failures");
            Directory.CreateDirectory(dir);
            var pages = _others.SelectMany(c => c.Pages).Prepend(Page).ToList();
            var report = new System.Text.StringBuilder(ex.Message);
            for (var i = 0; i < pages.Count; i++)
            {
                var suffix = i == 0 ? "" : "-" + i;
                try
                {
                    await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + suffix + ".png"), FullPage = true, Timeout = 10_000 });
                    await File.WriteAllTextAsync(Path.Combine(dir, name + suffix + ".html"), await pages[i].ContentAsync());
                    var alerts = await pages[i].Locator("[role=alert], .field-validation-error, .validation-summary-errors").AllInnerTextsAsync();
                    report.Append($"\n[page {i}] {pages[i].Url} alerts: {string.Join(" / ", alerts.Where(a => a.Trim().Length > 0))}");
                }
                catch (Exception inner)
                {
                    report.Append($"\n[page {i}] {pages[i].Url} (could not be read: {inner.Message.Split('\n')[0]})");
                }
            }
            foreach (var entry in Fixture.Portal.Log.Entries) report.Append("\n[server] ").Append(entry);
            throw new StepFailedException(report.ToString(), ex);
        }
    }

    protected Task SignInAsync(string user, string password = Modular.Host.Data.DemoSeeder.DemoPassword) => SignInAsync(Page, user, password);

    /// <summary>Signs in on the login form; if the portal does not answer with a redirect, says what it answered instead.</summary>
    protected async Task SignInAsync(IPage page, string user, string password = Modular.Host.Data.DemoSeeder.DemoPassword)
    {
        await page.GotoAsync(Url("/Account/Login"));
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login"));
        if (answer.Status != 302)
        {
            var alerts = await page.Locator("[role=alert], .field-validation-error").AllInnerTextsAsync();
            throw new InvalidOperationException($"Signing in as {user} was answered {answer.Status}: {string.Join(" / ", alerts.Where(a => a.Trim().Length > 0))}");
        }
        // Commit, not load: the next page counts as reached once it starts arriving.
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>A second person at the same time: another browser context (its own cookies), closed with the test.</summary>
    protected async Task<IPage> SecondPersonAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        _others.Add(context);
        return await context.NewPageAsync();
    }

    private readonly List<IBrowserContext> _others = [];
}
