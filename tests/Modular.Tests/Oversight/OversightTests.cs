using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Oversight;

/// <summary>
/// The organ work committee's view over the demo agencies: figures with their lights and no person's data in any page or
/// export, closed to agencies, each agency's sharing respected, tasks to agencies kept apart per agency and read back.
/// </summary>
public sealed class OversightTests : IClassFixture<OversightTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life", "volunteer", "integrity", "civilization", "development", "dues");

    private readonly Portal _portal;
    public OversightTests(Portal portal) => _portal = portal;

    private async Task<int> SecondAgencyIdAsync() =>
        int.Parse(Assert.Single(await _portal.QueryAsync("SELECT \"Id\" FROM \"Agencies\" WHERE \"Code\" = 'ZYS'")));

    private static string? Cell(string html, int agencyId, string key) =>
        Html.Parse(html).QuerySelector($"#oversight-matrix tr[data-agency='{agencyId}'] td[data-key='{key}']")?.TextContent.Trim();

    [Fact]
    public async Task The_committee_sees_every_agencys_figures_with_their_lights_and_each_view_is_audited()
    {
        var gongwei = await _portal.SignedInAsync("gongwei");
        var html = await gongwei.GetStringAsync("/Oversight");
        var doc = Html.Parse(html);
        Assert.Equal(2, doc.QuerySelectorAll("#oversight-matrix tbody tr").Length);
        var lights = doc.QuerySelectorAll("#oversight-matrix [data-light]").Select(e => e.GetAttribute("data-light")).ToHashSet();
        Assert.Contains("Green", lights);
        Assert.True(lights.Contains("Red") || lights.Contains("Amber"), string.Join(",", lights));
        foreach (var key in new[] { "org-life.compliance", "dues.collected-share", "directory.terms-overdue", "integrity.warning-education", "development.overdue" })
            Assert.Contains($"data-key=\"{key}\"", html);
        Assert.NotEmpty(await _portal.AuditEntriesAsync("oversight.view", "Oversight"));

        var demo = await _portal.DemoAgencyIdAsync();
        var branches = await gongwei.GetStringAsync($"/Oversight/Agency/{demo}");
        Assert.True(Html.Parse(branches).QuerySelectorAll("#oversight-branches tr[data-org]").Length > 3);
        Assert.Contains("第一党支部", branches);
        Assert.NotEmpty(await _portal.AuditEntriesAsync("oversight.view", $"Agency#{demo}"));
        Assert.Equal(HttpStatusCode.NotFound, (await gongwei.GetAsync("/Oversight/Agency/99999")).StatusCode);
    }

    [Fact]
    public async Task No_page_or_export_of_the_committee_holds_a_persons_name()
    {
        var gongwei = await _portal.SignedInAsync("gongwei");
        var demo = await _portal.DemoAgencyIdAsync();
        var pages = new List<string>();
        foreach (var url in new[] { "/Oversight", $"/Oversight/Agency/{demo}", $"/Oversight/Agency/{await SecondAgencyIdAsync()}", "/Oversight/Trends", "/Oversight/Display", "/Oversight/Tasks" })
            pages.Add(await gongwei.GetStringAsync(url));
        var export = await gongwei.GetAsync("/Oversight?handler=Excel");
        Assert.Equal(OfficeFiles.ExcelContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        pages.Add(string.Join("\n", rows.SelectMany(r => r.Values).Select(v => v?.ToString())));

        var names = (await _portal.QueryAsync("SELECT \"Name\" FROM dir_member")).Where(n => n.Length >= 2).Distinct().ToList();
        Assert.True(names.Count > 20);
        foreach (var page in pages)
        {
            var text = Html.Parse(page).Body?.TextContent ?? page;
            Assert.DoesNotContain(names, n => text.Contains(n, StringComparison.Ordinal));
            Assert.DoesNotContain("/Directory/Members", page);
        }
    }

    [Fact]
    public async Task Agencies_cannot_open_the_committees_pages_and_the_committee_belongs_to_no_agency()
    {
        foreach (var account in new[] { "office", "member", "admin" })
        {
            var client = await _portal.SignedInAsync(account);
            foreach (var url in new[] { "/Oversight", "/Oversight/Tasks", "/Oversight/Display", "/Oversight?handler=Excel" })
                Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        var gongwei = await _portal.SignedInAsync("gongwei");
        Assert.NotEqual(HttpStatusCode.OK, (await gongwei.GetAsync("/Agency/Sharing")).StatusCode);
        Assert.Empty(await _portal.QueryAsync("SELECT m.\"Id\" FROM \"AgencyMemberships\" m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" WHERE u.\"UserName\" = 'gongwei'"));
    }

    [Fact]
    public async Task An_agency_that_stops_sharing_a_modules_figures_shows_none_of_them()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var gongwei = await _portal.SignedInAsync("gongwei");
        Assert.NotEqual("—", Cell(await gongwei.GetStringAsync("/Oversight"), demo, "org-life.compliance"));

        var office = await _portal.SignedInAsync("office");
        var sharing = await office.GetStringAsync("/Agency/Sharing");
        Assert.Contains("value=\"org-life\"", sharing);
        var others = Html.Parse(sharing).QuerySelectorAll("input[name=shared]").Select(i => i.GetAttribute("value")!).Where(m => m != "org-life").ToList();
        var fields = others.Select((m, i) => (Key: $"shared[{i}]", Value: m)).ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Agency/Sharing", fields)).StatusCode);

        try
        {
            var html = await gongwei.GetStringAsync("/Oversight");
            Assert.Equal("—", Cell(html, demo, "org-life.compliance"));
            Assert.Equal("—", Cell(html, demo, "org-life.overdue"));
            Assert.NotEqual("—", Cell(html, await SecondAgencyIdAsync(), "org-life.compliance"));
            Assert.NotEqual("—", Cell(html, demo, "directory.terms-overdue"));
            var branches = await gongwei.GetStringAsync($"/Oversight/Agency/{demo}");
            Assert.DoesNotContain("data-key=\"org-life.", branches);
            Assert.Contains("data-key=\"dues.collected-share\"", branches);
        }
        finally
        {
            var all = others.Append("org-life").Select((m, i) => (Key: $"shared[{i}]", Value: m)).ToDictionary(f => f.Key, f => f.Value);
            await office.PostFormAsync("/Agency/Sharing", all);
        }
    }

    [Fact]
    public async Task A_task_reaches_only_the_chosen_agency_whose_report_the_committee_reads_back()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await SecondAgencyIdAsync();
        var gongwei = await _portal.SignedInAsync("gongwei");

        var bad = await gongwei.PostFormAsync("/Oversight/Tasks", new Dictionary<string, string> { ["Input.Kind"] = "Task", ["Input.Title"] = "", ["Input.Body"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写标题", badHtml);
        Assert.Contains("请至少选择一个单位", badHtml);

        var sent = await gongwei.PostFormAsync("/Oversight/Tasks", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Task", ["Input.Title"] = "报送第四季度主题党日开展情况", ["Input.Body"] = "请于月底前报送。",
            ["Input.Deadline"] = _portal.Today.AddDays(20).ToString("yyyy-MM-dd"), ["Input.AgencyIds"] = demo.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var detailsUrl = sent.Headers.Location!.OriginalString;

        var mine = Assert.Single(await TasksOfAsync(demo), t => t.Title == "报送第四季度主题党日开展情况");
        Assert.Equal(HigherTaskState.Open, mine.State);
        Assert.DoesNotContain(await TasksOfAsync(other), t => t.Title == mine.Title);
        Assert.Null(await InAgencyAsync(other, t => t.FindAsync(mine.Id)));
        Assert.NotEmpty(await InAgencyAsync(other, t => t.ReportAsync("supervision", mine.Id, new(HigherTaskState.Done, "冒名反馈"))));
        Assert.NotEmpty(await InAgencyAsync(demo, t => t.ReportAsync("supervision", mine.Id, new(HigherTaskState.Done, ""))));

        Assert.Equal(HttpStatusCode.Redirect, (await gongwei.PostFormAsync(detailsUrl, new Dictionary<string, string>(), detailsUrl + "?handler=Remind")).StatusCode);
        Assert.Contains("data-state=\"Open\"", await gongwei.GetStringAsync(detailsUrl));

        Assert.Empty(await InAgencyAsync(demo, t => t.ReportAsync("supervision", mine.Id, new(HigherTaskState.Done, "已报送，材料见附件。"))));
        Assert.Equal(HigherTaskState.Done, (await InAgencyAsync(demo, t => t.FindAsync(mine.Id)))!.State);
        var details = await gongwei.GetStringAsync(detailsUrl);
        Assert.Contains("data-state=\"Done\"", details);
        Assert.Contains("已报送，材料见附件。", details);
        Assert.NotEmpty(await _portal.AuditEntriesAsync("oversight.task.reported", "CommitteeTask#" + detailsUrl.Split('/').Last()));
    }

    [Fact]
    public async Task Pressing_tells_the_agencys_office_and_the_committees_reply_reaches_only_that_agency_dated_and_audited()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await SecondAgencyIdAsync();
        var gongwei = await _portal.SignedInAsync("gongwei");
        var sent = await gongwei.PostFormAsync("/Oversight/Tasks", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Task", ["Input.Title"] = "报送基层党组织换届情况（催办测试）", ["Input.Body"] = "请报送。",
            ["Input.AgencyIds[0]"] = demo.ToString(), ["Input.AgencyIds[1]"] = other.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var detailsUrl = sent.Headers.Location!.OriginalString;
        var taskId = detailsUrl.Split('/').Last();
        var mine = Assert.Single(await TasksOfAsync(demo), t => t.Title == "报送基层党组织换届情况（催办测试）");
        var theirs = Assert.Single(await TasksOfAsync(other), t => t.Title == mine.Title);

        // 催办 to the demo agency alone: its Party office (王建华) gets a message; the other agency none.
        Assert.Equal(HttpStatusCode.Redirect, (await gongwei.PostFormAsync(detailsUrl, new Dictionary<string, string>(),
            $"{detailsUrl}?handler=Remind&copyId={mine.Id}")).StatusCode);
        const string notice = "上级催办：报送基层党组织换届情况（催办测试）";
        Assert.Equal(1, await _portal.NoticeCountAsync(demo, notice, "oversight"));
        Assert.Equal(0, await _portal.NoticeCountAsync(other, notice));
        var office = await _portal.SignedInAsync("office");
        Assert.Contains(notice, await office.GetStringAsync("/Notifications"));
        Assert.Equal(1, (await InAgencyAsync(demo, t => t.FindAsync(mine.Id)))!.Reminders);
        Assert.Equal(0, (await InAgencyAsync(other, t => t.FindAsync(theirs.Id)))!.Reminders);

        async Task<HttpResponseMessage> Reply(int copyId, string text) => await gongwei.PostFormAsync(detailsUrl, new Dictionary<string, string>
        {
            ["CopyId"] = copyId.ToString(), ["Reply"] = text,
            ["Version"] = (await _portal.QueryAsync("SELECT \"Version\" FROM \"CommitteeTaskCopies\" WHERE \"Id\" = @id", ("id", copyId))).Single(),
        }, detailsUrl + "?handler=Reply");
        // Nothing to reply to before the agency reports; an empty reply is refused next to its field.
        var early = await Reply(mine.Id, "收到。");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("该单位尚未报告进展，暂不能回复。", await early.Content.ReadAsStringAsync());
        Assert.Empty(await InAgencyAsync(demo, t => t.ReportAsync("supervision", mine.Id, new(HigherTaskState.InProgress, "已完成摸底。"))));
        var empty = await Reply(mine.Id, "  ");
        Assert.Contains("请填写回复内容。", await empty.Content.ReadAsStringAsync());
        // A copy of another task answers 404.
        Assert.Equal(HttpStatusCode.NotFound, (await gongwei.PostFormAsync(detailsUrl, new Dictionary<string, string>
        {
            ["CopyId"] = "999999", ["Reply"] = "x", ["Version"] = "0",
        }, detailsUrl + "?handler=Reply")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Reply(mine.Id, "请于下周五前报送正式材料。")).StatusCode);
        var seen = (await InAgencyAsync(demo, t => t.FindAsync(mine.Id)))!;
        Assert.Equal("请于下周五前报送正式材料。", seen.Reply);
        Assert.NotNull(seen.RepliedAt);
        Assert.NotNull(seen.UpdatedAt);
        Assert.Null((await InAgencyAsync(other, t => t.FindAsync(theirs.Id)))!.Reply);
        Assert.Contains("请于下周五前报送正式材料。", await gongwei.GetStringAsync(detailsUrl));
        var audited = await _portal.AuditEntriesAsync("oversight.task.replied", "CommitteeTask#" + taskId);
        Assert.NotEmpty(audited);
    }

    [Fact]
    public async Task The_demo_has_a_committee_task_in_progress_with_a_reply_and_one_closed()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var tasks = await TasksOfAsync(demo);
        var working = Assert.Single(tasks, t => t.Title == "报送基层党组织书记抓党建工作述职评议情况");
        Assert.Equal(HigherTaskState.InProgress, working.State);
        Assert.NotNull(working.Reply);
        Assert.True(working.RepliedAt > working.UpdatedAt);
        Assert.Equal(HigherTaskState.Done, Assert.Single(tasks, t => t.Title == "开展“七一”主题党日活动情况自查").State);
        var list = await (await _portal.SignedInAsync("gongwei")).GetStringAsync("/Oversight/Tasks");
        Assert.Contains("报送基层党组织书记抓党建工作述职评议情况", list);
        Assert.Contains("开展“七一”主题党日活动情况自查", list);
    }

    [Fact]
    public async Task Trends_draw_one_chart_per_agency_a_bar_slot_a_month_with_the_table_beside()
    {
        var gongwei = await _portal.SignedInAsync("gongwei");
        var html = await gongwei.GetStringAsync("/Oversight/Trends");
        var doc = Html.Parse(html);
        var charts = doc.QuerySelectorAll("#oversight-trend-charts figure[data-agency]");
        Assert.Equal(2, charts.Length);
        // Each chart twice (desktop and phone widths), each an inline SVG with a month label per month so far.
        var months = _portal.Today.Month;
        foreach (var chart in charts)
        {
            var svgs = chart.QuerySelectorAll("svg.bar-chart");
            Assert.Equal(2, svgs.Length);
            Assert.All(svgs, svg => Assert.Equal(months, svg.QuerySelectorAll("text").Count(t => t.TextContent.EndsWith("月"))));
        }
        Assert.NotNull(doc.QuerySelector("#oversight-trends"));
    }

    private Task<IReadOnlyList<HigherTask>> TasksOfAsync(int agencyId) => InAgencyAsync(agencyId, t => t.ListAsync());

    private async Task<T> InAgencyAsync<T>(int agencyId, Func<IHigherTasks, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IHigherTasks>());
    }
}
