using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Supervision;

/// <summary>Supervision and the committee's views with their modules, the demo's tasks from above included.</summary>
public sealed class SupervisionWalkFixture() : BrowserFixture("supervision", "integrity", "org-life");

/// <summary>
/// Walks the supervision and oversight pages as the office, a branch secretary, a member and the committee at phone
/// (390 px) and desktop width: every page answers, nothing is wider than the screen, and a screenshot of each is kept
/// under walk/ for a person to look at.
/// </summary>
public sealed class SupervisionWalkTests(SupervisionWalkFixture fixture) : BrowserTest(fixture), IClassFixture<SupervisionWalkFixture>
{
    [Fact]
    public Task Every_page_answers_and_fits_a_phone_and_a_desktop_for_each_role() => StepsAsync("supervision-walk", async () =>
    {
        var demo = await Fixture.Portal.DemoAgencyIdAsync();
        var task = await Fixture.Portal.IntAsync("SELECT MIN(\"Id\") FROM sup_task WHERE \"AgencyId\" = @a", ("a", demo));
        var prompt = await Fixture.Portal.IntAsync("SELECT MIN(\"Id\") FROM sup_prompt WHERE \"AgencyId\" = @a", ("a", demo));
        var ledger = await Fixture.Portal.IntAsync("SELECT MIN(\"Id\") FROM sup_ledger WHERE \"AgencyId\" = @a", ("a", demo));
        var copy = await Fixture.Portal.IntAsync("SELECT MIN(\"Id\") FROM \"CommitteeTaskCopies\" WHERE \"AgencyId\" = @a AND \"Reply\" IS NOT NULL", ("a", demo));
        var committeeTask = await Fixture.Portal.IntAsync("SELECT \"TaskId\" FROM \"CommitteeTaskCopies\" WHERE \"Id\" = @c", ("c", copy));
        var walks = new (string User, string[] Paths)[]
        {
            ("office", ["/m/supervision", $"/m/supervision/Tasks/Details/{task}", "/m/supervision/Tasks/Edit", "/m/supervision/Tasks/Import",
                "/m/supervision/Prompts", $"/m/supervision/Prompts/Details/{prompt}", "/m/supervision/Ledgers", $"/m/supervision/Ledgers/Details/{ledger}",
                "/m/supervision/Ledgers/Items", $"/m/supervision/Higher/Details/{copy}", "/Todo", "/Notifications"]),
            ("secretary", ["/m/supervision", "/m/supervision/Prompts", "/m/supervision/Ledgers/Items", "/Todo"]),
            ("member", ["/m/supervision", "/m/supervision/Ledgers/Items", "/Todo"]),
            ("gongwei", ["/Oversight", $"/Oversight/Agency/{demo}", "/Oversight/Trends", "/Oversight/Tasks", $"/Oversight/Tasks/Details/{committeeTask}", "/Oversight/Display"]),
        };
        var dir = Path.Combine(AppContext.BaseDirectory, "walk");
        Directory.CreateDirectory(dir);
        var problems = new List<string>();
        foreach (var (width, height, mobile) in new[] { (390, 844, true), (1280, 900, false) })
        foreach (var (user, paths) in walks)
        {
            var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = mobile });
            context.SetDefaultTimeout(60_000);
            try
            {
                var page = await context.NewPageAsync();
                await SignInAsync(page, user);
                foreach (var path in paths)
                {
                    var response = await page.GotoAsync(Url(path));
                    var status = response?.Status ?? 0;
                    if (status >= 400) problems.Add($"{user} {width}px {path}: {status}");
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                    if (overflow > 1) problems.Add($"{user} {width}px {path}: {overflow}px wider than the screen");
                    var name = $"{user}-{width}-{path.Trim('/').Replace('/', '_').Replace('?', '_')}.png";
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name), FullPage = true });
                }
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });
}
