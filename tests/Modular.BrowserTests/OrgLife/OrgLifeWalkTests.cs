using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.OrgLife;

/// <summary>
/// Every org-life page a member, a branch secretary and the Party office reach from the menu (and a meeting's page), on a
/// phone (390 px) and a desktop: each opens, keeps to the screen's width on the phone, and reads in Chinese. Screenshots are
/// kept under the test output (walk/) for a person to look over.
/// </summary>
public sealed class OrgLifeWalkTests(OrgLifeFixture fixture) : BrowserTest(fixture), IClassFixture<OrgLifeFixture>
{
    public static TheoryData<string, int> Walks => new() { { "member", 390 }, { "member", 1366 }, { "secretary", 390 }, { "secretary", 1366 }, { "office", 390 }, { "office", 1366 } };

    [Theory]
    [MemberData(nameof(Walks))]
    public Task Every_org_life_page_opens_and_fits(string account, int width) => StepsAsync($"orglife-walk-{account}-{width}", async () =>
    {
        await Page.SetViewportSizeAsync(width, width < 500 ? 844 : 900);
        await SignInAsync(account);
        var paths = (await Page.Locator("#portal-nav a[href^='/m/org-life']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().ToList();
        Assert.NotEmpty(paths);
        await Page.GotoAsync(Url("/m/org-life/Meetings"));
        if (await Page.Locator("a[href*='/Meetings/Details/']").CountAsync() > 0)
            paths.Add((await Page.Locator("a[href*='/Meetings/Details/']").First.GetAttributeAsync("href"))!);
        if (paths.Contains("/m/org-life/Compliance")) paths.Add("/m/org-life/Compliance?type=ThemePartyDay");

        var folder = Path.Combine(AppContext.BaseDirectory, "walk");
        Directory.CreateDirectory(folder);
        foreach (var path in paths)
        {
            var response = await Page.GotoAsync(Url(path));
            Assert.True(response?.Status == 200, $"{account} at {width} px: {path} answered {response?.Status}");
            var name = $"{account}-{width}-{path.Replace("/m/org-life", "home").Trim('/').Replace('/', '_').Replace('?', '_').Replace('=', '-')}";
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            if (width < 500)
            {
                var scroll = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scroll <= width, $"{account}: {path} scrolls sideways on a phone ({scroll} px)");
            }
            // No English left on the page: every label comes from the Chinese resources.
            var text = await Page.Locator("main").InnerTextAsync();
            foreach (var english in new[] { "Meeting", "Compliance", "Appraisal", "Branch", "Overdue", "Held", "Save" })
                Assert.DoesNotContain(english, text);
        }
    });
}
