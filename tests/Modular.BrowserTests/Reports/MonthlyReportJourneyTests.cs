using System.IO.Compression;
using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Reports;

/// <summary>The portal with the modules that add sections to the monthly report.</summary>
public sealed class MonthlyReportFixture() : BrowserFixture("org-life", "volunteer", "integrity");

/// <summary>The Party office opens the monthly work report, sees each module's section and downloads it as Word and Excel.</summary>
public sealed class MonthlyReportJourneyTests(MonthlyReportFixture fixture) : BrowserTest(fixture), IClassFixture<MonthlyReportFixture>
{
    [Fact]
    public Task The_office_opens_last_months_report_and_downloads_it_as_Word_and_Excel() => StepsAsync("monthly-report", async () =>
    {
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "工作月报" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("工作月报");
        var lastMonth = Fixture.Portal.Today.AddMonths(-1);
        await Page.GetByLabel("月份").FillAsync($"{lastMonth:yyyy-MM}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "生成月报" }).ClickAsync();

        // Each module that is on adds its section, with figures from its records (the demo holds meetings every month).
        foreach (var title in new[] { "组织生活", "志愿服务", "廉政教育" })
            await Assertions.Expect(Page.Locator($"section[data-module-section][aria-label='{title}']")).ToBeVisibleAsync();
        var orgLife = Page.Locator("section[data-module-section][aria-label='组织生活']");
        await Assertions.Expect(orgLife).ToContainTextAsync("召开会议");
        await Assertions.Expect(orgLife.Locator("table").First).ToBeVisibleAsync();

        var word = await DownloadAsync("下载（Word）");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Type);
        Assert.Contains("组织生活", Xml(word.Body, "word/document.xml"));
        var excel = await DownloadAsync("下载（Excel）");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Type);
        Assert.Contains("组织生活", Xml(excel.Body, "xl/"));
    });

    /// <summary>Follows a download link with the page's own session: the content type the portal answers and the body.</summary>
    private async Task<(string Type, byte[] Body)> DownloadAsync(string link)
    {
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("href");
        var response = await Page.Context.APIRequest.GetAsync(Url(href!));
        Assert.Equal(200, response.Status);
        return (response.Headers["content-type"].Split(';')[0], await response.BodyAsync());
    }

    /// <summary>The text of the package's parts whose names start with <paramref name="prefix"/>.</summary>
    private static string Xml(byte[] zip, string prefix)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return string.Concat(archive.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
