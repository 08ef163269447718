using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Modular.Host.PartyDirectory;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Reports;

/// <summary>The monthly work report of the demo agency, from the records of its four modules: page, Word, Excel, scope and bad input.</summary>
public sealed partial class MonthlyReportTests : IClassFixture<MonthlyReportTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life", "volunteer", "integrity", "civilization");

    private readonly Portal _portal;
    public MonthlyReportTests(Portal portal) => _portal = portal;

    /// <summary>The last whole month: the demo data has meetings in every past month.</summary>
    private string LastMonth => new ReportPeriod(_portal.Today.AddMonths(-1).Year, _portal.Today.AddMonths(-1).Month).ToString();

    internal static async Task<List<(string Section, string Label, decimal? Value)>> SummaryAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/Reports/Monthly?handler=Excel&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficeFiles.ExcelContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object?>>();
        return rows.Select(r => (r["栏目"]!.ToString()!, r["指标"]?.ToString() ?? "", r["数值"] is { } v ? Convert.ToDecimal(v) : (decimal?)null)).ToList();
    }

    internal static decimal? Figure(List<(string Section, string Label, decimal? Value)> summary, string section, string label) =>
        summary.Single(f => f.Section == section && f.Label.StartsWith(label, StringComparison.Ordinal)).Value;

    [Fact]
    public async Task The_agencys_report_shows_real_figures_of_every_module_from_their_records()
    {
        var office = await _portal.SignedInAsync("office");
        var html = await office.GetStringAsync($"/Reports/Monthly?month={LastMonth}");
        foreach (var title in new[] { "组织生活", "志愿服务", "廉政教育", "文明创建" }) Assert.Contains($"aria-label=\"{title}\"", html);

        var summary = await SummaryAsync(office, $"month={LastMonth}");
        Assert.True(Figure(summary, "组织生活", "召开会议") > 0);
        Assert.NotNull(Figure(summary, "组织生活", "参会率"));
        Assert.True(Figure(summary, "文明创建", "测评指标已达标") > 0);

        var demo = await _portal.DemoAgencyIdAsync();
        var served = await SummaryAsync(office, $"month={await _portal.LatestFinishedActivityDateAsync(demo):yyyy-MM}");
        Assert.True(Figure(served, "志愿服务", "组织开展活动") > 0);
        Assert.True(Figure(served, "志愿服务", "服务时长") > 0);
        Assert.True(Figure(served, "志愿服务", "参与党员") > 0);

        var warning = await _portal.LatestWarningSessionDateAsync(demo);
        var ofWarning = await SummaryAsync(office, $"month={warning:yyyy-MM}");
        Assert.True(Figure(ofWarning, "廉政教育", "警示教育") >= 1);
        Assert.True(Figure(ofWarning, "廉政教育", "参加") > 0);
    }

    [Fact]
    public async Task A_warning_session_held_as_a_linked_meeting_counts_the_meetings_attendance()
    {
        var office = await _portal.SignedInAsync("office");
        var demo = await _portal.DemoAgencyIdAsync();
        var month = $"month={await _portal.LatestWarningSessionDateAsync(demo):yyyy-MM}";
        var before = await SummaryAsync(office, month);

        await _portal.LinkWarningSessionAsync(await _portal.LatestWarningSessionAsync(demo), expected: 1000, present: 900);

        var after = await SummaryAsync(office, month);
        Assert.True(Figure(after, "廉政教育", "参加") >= 900, string.Join("; ", after));
        Assert.Equal(Figure(before, "廉政教育", "警示教育"), Figure(after, "廉政教育", "警示教育"));
    }

    [Fact]
    public async Task The_word_download_opens_and_holds_the_same_figures()
    {
        var office = await _portal.SignedInAsync("office");
        var held = Figure(await SummaryAsync(office, $"month={LastMonth}"), "组织生活", "召开会议");

        var response = await office.GetAsync($"/Reports/Monthly?handler=Word&month={LastMonth}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficeFiles.WordContentType, response.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        var period = ReportPeriod.Parse(LastMonth)!;
        Assert.Contains($"{period.Zh}工作月报", text);
        Assert.Contains("一、组织生活", text);
        Assert.Contains($"召开会议{held}次", text);
        Assert.Contains("志愿服务", text);
    }

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex Option();

    [Fact]
    public async Task A_secretary_reports_on_their_branch_only_and_nobody_reaches_another_agencys_organisation()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var html = await secretary.GetStringAsync("/Reports/Monthly");
        var mine = Option().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var branch = Assert.Single(mine);
        Assert.DoesNotContain("全单位</option>", html);
        Assert.Contains("aria-label=\"组织生活\"", html);
        Assert.DoesNotContain("aria-label=\"文明创建\"", html); // campaigns are the agency's as a whole

        var demo = await _portal.DemoAgencyIdAsync();
        var (otherBranch, otherAgencys) = await _portal.InContextAsync<DirectoryDbContext, (int, int)>(async db => (
            await db.Organizations.IgnoreQueryFilters().Where(o => o.AgencyId == demo && o.Kind == OrganizationKind.Branch && o.Id != branch).Select(o => o.Id).FirstAsync(),
            await db.Organizations.IgnoreQueryFilters().Where(o => o.AgencyId != demo && o.Kind == OrganizationKind.Branch).Select(o => o.Id).FirstAsync()));

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/Reports/Monthly?org={branch}&month={LastMonth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Reports/Monthly?org={otherBranch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Reports/Monthly?handler=Word&org={otherBranch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Reports/Monthly?handler=Excel&org={otherBranch}")).StatusCode);

        var office = await _portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Reports/Monthly?org={otherBranch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Reports/Monthly?org={otherAgencys}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Reports/Monthly?handler=Excel&org={otherAgencys}")).StatusCode);

        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/Reports/Monthly")).StatusCode);
        Assert.DoesNotContain("/Reports/Monthly", await member.GetStringAsync("/"));
        Assert.Contains("href=\"/Reports/Monthly\"", await secretary.GetStringAsync("/"));
        Assert.Contains("href=\"/Reports/Monthly\"", await office.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("month=2026-13", "请选择月份")]
    [InlineData("month=abc", "请选择月份")]
    [InlineData("month=2099-01", "尚未开始")]
    [InlineData("org=abc", "请从列表中选择党组织")]
    [InlineData("handler=Word&month=1999-01", "请选择月份")]
    [InlineData("handler=Excel&org=1e3", "请从列表中选择党组织")]
    public async Task Bad_month_or_organisation_values_get_a_message_next_to_the_field(string query, string message)
    {
        var office = await _portal.SignedInAsync("office");
        var response = await office.GetAsync("/Reports/Monthly?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("data-module-section", html);
    }

    [Fact]
    public async Task A_module_that_is_off_for_the_agency_has_no_section()
    {
        await _portal.CreateAgencyAsync("RPT", "report-office", $"{Roles.AgencyAdmin},{Roles.Member}", "volunteer");
        var client = await _portal.SignedInAsync("report-office");
        var html = await client.GetStringAsync("/Reports/Monthly");
        Assert.Contains("aria-label=\"志愿服务\"", html);
        Assert.DoesNotContain("aria-label=\"廉政教育\"", html);
        Assert.DoesNotContain("aria-label=\"组织生活\"", html);
        Assert.DoesNotContain("aria-label=\"文明创建\"", html);
    }
}
