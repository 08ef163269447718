using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>Organisational life through the real host and plugin: planning, recording, rules, scopes, isolation.</summary>
public sealed partial class OrgLifeTests : IClassFixture<OrgLifeTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life");

    private readonly Portal _portal;
    public OrgLifeTests(Portal portal) => _portal = portal;

    private string Today => _portal.Today.ToString("yyyy-MM-dd");

    private async Task<int> BranchIdAsync(string name)
    {
        using var _ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [GeneratedRegex("/m/org-life/Meetings/Details/(\\d+)")]
    private static partial Regex DetailsUrl();

    [GeneratedRegex("name=\"Rows\\[(\\d+)\\]\\.MemberId\"[^>]*value=\"(\\d+)\"")]
    private static partial Regex RowField();

    /// <summary>Plans a meeting as the given user; returns its id.</summary>
    private Task<HttpResponseMessage> PostPlanAsync(HttpClient client, int branch, string type, string topic, string? date = null, string place = "党员活动室") =>
        client.PostFormAsync($"/m/org-life/Meetings/Edit?branch={branch}", new Dictionary<string, string>
        {
            ["Branch"] = branch.ToString(), ["Input.Type"] = type, ["Input.Date"] = date ?? Today, ["Input.Place"] = place, ["Input.Topic"] = topic,
        });

    private async Task<int> PlanAsync(HttpClient client, int branch, string type, string topic, string? date = null)
    {
        var response = await PostPlanAsync(client, branch, type, topic, date);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(DetailsUrl().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    /// <summary>The record form's fields with everyone present, changed by <paramref name="change"/>(index, fields).</summary>
    internal static async Task<Dictionary<string, string>> RecordFieldsAsync(HttpClient client, int id, Action<int, Dictionary<string, string>>? change = null)
    {
        var html = await client.GetStringAsync($"/m/org-life/Meetings/Record/{id}");
        var fields = new Dictionary<string, string> { ["Minutes"] = "会议由支部书记主持，传达学习了上级会议精神。", ["Version"] = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value };
        foreach (Match m in RowField().Matches(html))
        {
            var i = int.Parse(m.Groups[1].Value);
            fields[$"Rows[{i}].MemberId"] = m.Groups[2].Value;
            fields[$"Rows[{i}].Attendance"] = "Present";
            change?.Invoke(i, fields);
        }
        return fields;
    }

    [Fact]
    public async Task The_demo_year_shows_held_and_overdue_periods()
    {
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/m/org-life/Compliance");
        Assert.Contains("全单位汇总", page);
        Assert.Contains("第一党支部", page);
        Assert.Contains("<svg", page);
        var report = await JsonAsync(office, "/m/org-life/api/compliance");
        var states = report.GetProperty("branches").EnumerateArray()
            .SelectMany(b => b.GetProperty("types").EnumerateObject().SelectMany(t => t.Value.EnumerateArray().Select(c => c.GetProperty("state").GetString()))).ToList();
        Assert.Contains("Held", states);
        Assert.Contains("Overdue", states);
        var rate = report.GetProperty("rate").GetInt32();
        Assert.InRange(rate, 50, 99);
        var grid = await office.GetStringAsync("/m/org-life/Compliance?type=BranchCommitteeMeeting");
        // A cell of the grid says overdue (the word is also the grid's legend and the roll-up's label).
        Assert.Contains(Html.Texts(grid, "[data-testid=compliance-grid] tbody td .status"), c => c.StartsWith("逾期"));
    }

    [Fact]
    public async Task A_secretary_plans_and_records_a_meeting_with_attendance_and_votes()
    {
        var branch = await BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var id = await PlanAsync(secretary, branch, "BranchMembersMeeting", "传达学习上级会议精神（测试）");
        var details = await secretary.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        Assert.Equal("已计划", Html.Text(details, "[data-testid=meeting-status]"));
        Assert.Contains(Html.Rows(details, "[data-testid=attendees]"), r => r["姓名"].StartsWith("李晓梅")); // the member is expected

        // A leave without a reason is refused next to the field, and nothing is saved.
        var noReason = await secretary.PostFormAsync($"/m/org-life/Meetings/Record/{id}", await RecordFieldsAsync(secretary, id, (i, f) =>
        {
            if (i == 0) f[$"Rows[{i}].Attendance"] = "Leave";
        }));
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请填写请假事由。", html);
        Assert.Contains("会议由支部书记主持", html); // input kept
        Assert.Equal("已计划", Html.Text(await secretary.GetStringAsync($"/m/org-life/Meetings/Details/{id}"), "[data-testid=meeting-status]"));

        // More votes than voters present is an input error.
        var tooMany = await secretary.PostFormAsync($"/m/org-life/Meetings/Record/{id}", await RecordFieldsAsync(secretary, id, (i, f) =>
        {
            f["Decisions[0].Subject"] = "通过支部年度工作计划";
            f["Decisions[0].For"] = "999";
        }));
        Assert.Contains("超过到会有表决权的", await tooMany.Content.ReadAsStringAsync());

        var ok = await secretary.PostFormAsync($"/m/org-life/Meetings/Record/{id}", await RecordFieldsAsync(secretary, id, (i, f) =>
        {
            if (i == 0) { f[$"Rows[{i}].Attendance"] = "Leave"; f[$"Rows[{i}].LeaveReason"] = "出差"; }
            f["Decisions[0].Subject"] = "通过支部年度工作计划";
            f["Decisions[0].For"] = "3";
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        details = await secretary.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        Assert.Equal("已召开", Html.Text(details, "[data-testid=meeting-status]"));
        Assert.Contains(Html.Rows(details, "[data-testid=attendees]"), r => r["备注"] == "出差"); // the leave's reason on its row
        // Three votes for is not more than half of those entitled: a warning on the record, not silence.
        Assert.Contains("data-testid=\"meeting-warnings\"", details);
        Assert.Contains("不能通过", details);
        Assert.Contains("未通过", Html.Texts(details, "td .status")); // the decision's result
    }

    [Fact]
    public async Task A_members_meeting_without_a_quorum_is_recorded_with_a_warning()
    {
        var branch = await BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var id = await PlanAsync(secretary, branch, "BranchMembersMeeting", "通报支部季度工作（人数不足）");
        var ok = await secretary.PostFormAsync($"/m/org-life/Meetings/Record/{id}", await RecordFieldsAsync(secretary, id, (i, f) =>
        {
            if (i >= 2) { f[$"Rows[{i}].Attendance"] = "Absent"; }
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var details = await secretary.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        Assert.Contains("未超过应到会有表决权党员", details);
    }

    [Fact]
    public async Task A_secretary_keeps_their_own_branch_only()
    {
        var mine = await BranchIdAsync("第一党支部");
        var other = await BranchIdAsync("信息中心党支部");
        var office = await _portal.SignedInAsync("office");
        var foreign = await PlanAsync(office, other, "PartyLecture", "信息中心党课（测试）");
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/Meetings/Details/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/Meetings/Record/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/Meetings/Edit/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/Meetings/Cancel/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/org-life/api/meetings/{foreign}")).StatusCode);
        Assert.DoesNotContain("信息中心党课（测试）", await secretary.GetStringAsync("/m/org-life/Meetings?q=测试"));
        var list = await JsonAsync(secretary, "/m/org-life/api/meetings");
        Assert.All(list.EnumerateArray(), m => Assert.Equal(mine, m.GetProperty("branchId").GetInt32()));

        // Planning for another branch is refused.
        var response = await PostPlanAsync(secretary, other, "PartyLecture", "越权计划");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择您负责的支部。", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await JsonAsync(office, "/m/org-life/api/meetings")).EnumerateArray(), m => m.GetProperty("topic").GetString() == "越权计划");

        // The compliance view of a secretary holds their branch only.
        var compliance = await secretary.GetStringAsync("/m/org-life/Compliance");
        Assert.Contains("第一党支部", compliance);
        Assert.DoesNotContain("信息中心党支部", compliance);
    }

    [Fact]
    public async Task A_member_sees_their_own_meetings_read_only()
    {
        var branch = await BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var id = await PlanAsync(secretary, branch, "ThemePartyDay", "重温入党誓词（测试）", _portal.Today.AddDays(3).ToString("yyyy-MM-dd"));
        var member = await _portal.SignedInAsync("member");
        var details = await member.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        Assert.Contains("重温入党誓词（测试）", details);
        Assert.DoesNotContain("记录为已召开", details);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/org-life/Meetings/Record/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/m/org-life/Meetings/Edit")).StatusCode);
        var refused = await member.PostFormAsync($"/m/org-life/Meetings/Details/{id}", new Dictionary<string, string>(), $"/m/org-life/Meetings/Cancel/{id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        // Coming up on their home page and in the to-do centre.
        Assert.Contains("重温入党誓词（测试）", await member.GetStringAsync("/m/org-life"));
        Assert.Contains("重温入党誓词（测试）", await member.GetStringAsync("/Todo"));
    }

    [Fact]
    public async Task Expected_attendees_are_told_when_a_meeting_is_planned_and_when_it_is_cancelled()
    {
        var branch = await BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var id = await PlanAsync(secretary, branch, "BranchMembersMeeting", "学习党章（通知测试）", _portal.Today.AddDays(5).ToString("yyyy-MM-dd"));
        var member = await _portal.SignedInAsync("member");
        var inbox = await member.GetStringAsync("/Notifications");
        Assert.Contains("会议通知：支部党员大会", inbox);
        Assert.Contains("议题：学习党章（通知测试）", inbox);

        var cancelled = await secretary.PostFormAsync($"/m/org-life/Meetings/Cancel/{id}", new Dictionary<string, string> { ["Reason"] = "与上级会议冲突", ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        inbox = await member.GetStringAsync("/Notifications");
        Assert.Contains("会议取消：", inbox);
        Assert.Contains("取消原因：与上级会议冲突", inbox);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_stale_edits_are_refused()
    {
        var branch = await BranchIdAsync("第二党支部");
        var office = await _portal.SignedInAsync("office");
        var id = await PlanAsync(office, branch, "BranchCommitteeMeeting", "研究发展党员工作（测试）");
        var stale = await office.PostFormAsync($"/m/org-life/Meetings/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Type"] = "BranchCommitteeMeeting", ["Input.Date"] = Today, ["Input.Place"] = "第二会议室", ["Input.Topic"] = "改过的主题", ["Input.Version"] = "0",
        });
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());

        var empty = await office.PostFormAsync($"/m/org-life/Meetings/Cancel/{id}", new Dictionary<string, string> { ["Reason"] = " ", ["Version"] = "1" });
        Assert.Contains("请填写取消原因。", await empty.Content.ReadAsStringAsync());
        var cancelled = await office.PostFormAsync($"/m/org-life/Meetings/Cancel/{id}", new Dictionary<string, string> { ["Reason"] = "与上级会议冲突", ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var details = await office.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        Assert.Equal("已取消", Html.Text(details, "[data-testid=meeting-status]"));
        Assert.Contains("与上级会议冲突", details);
    }

    [Fact]
    public async Task Bad_input_is_answered_without_errors()
    {
        var office = await _portal.SignedInAsync("office");
        var branch = await BranchIdAsync("第二党支部");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/org-life/Meetings?type=99&status=zz&year=abc&p=-4&sort=%27")).StatusCode);
        // A year no date can have is refused where it is bound: the page shows this year and says why.
        var yearOne = await office.GetAsync("/m/org-life/Compliance?year=1");
        Assert.Equal(HttpStatusCode.OK, yearOne.StatusCode);
        Assert.Contains("年份须在 1900 至 2100 之间。", await yearOne.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/m/org-life/Meetings/Details/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/m/org-life/api/meetings?year=99999")).StatusCode);
        var bad = await PostPlanAsync(office, branch, "PartyGroupMeeting", new string('长', 201), "2026-13-45", place: "");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请选择党小组。", html);
        Assert.Contains("请输入地点。", html);
        Assert.Contains("会议主题不能超过 200 个字符。", html);
        var future = await PlanAsync(office, branch, "PartyLecture", "未来的党课（测试）", _portal.Today.AddDays(10).ToString("yyyy-MM-dd"));
        var early = await office.PostFormAsync($"/m/org-life/Meetings/Record/{future}", await RecordFieldsAsync(office, future, (i, f) => f[$"Rows[{i}].Attendance"] = "99"));
        var earlyHtml = await early.Content.ReadAsStringAsync();
        Assert.Contains("会议日期未到", earlyHtml);
        Assert.Matches("“99”(的值)?无效|值“99”", earlyHtml); // next to the attendance field
    }

    [Fact]
    public async Task Another_agency_sees_none_of_it()
    {
        var office = await _portal.SignedInAsync("office");
        var any = (await JsonAsync(office, "/m/org-life/api/meetings")).EnumerateArray().First().GetProperty("id").GetInt32();
        await _portal.CreateAgencyAsync("OL2", "ol2-admin", "agency-admin,member", "org-life");
        var other = await _portal.SignedInAsync("ol2-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/org-life/Meetings/Details/{any}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/org-life/Meetings/Record/{any}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/org-life/api/meetings/{any}")).StatusCode);
        Assert.Empty((await JsonAsync(other, "/m/org-life/api/meetings")).EnumerateArray());
        Assert.Contains("没有符合条件的会议", await other.GetStringAsync("/m/org-life/Meetings?q=党"));
    }

    [Fact]
    public async Task Overdue_and_unrecorded_meetings_reach_the_to_do_centre_and_the_dashboard()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var todo = await secretary.GetStringAsync("/Todo");
        Assert.Contains("补记", todo); // the demo's meeting whose day passed without a record
        var dashboard = await secretary.GetStringAsync("/");
        // The org-life card counts the overdue items (its label shows with a count of 0 too).
        Assert.True(int.Parse(Html.Metric(dashboard, "组织生活", "逾期事项") ?? "0") > 0, "no overdue items on the org-life card");
        var office = await _portal.SignedInAsync("office");
        var officeTodo = await office.GetStringAsync("/Todo");
        Assert.True(officeTodo.Contains("项组织生活逾期未落实"), officeTodo[officeTodo.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Leading_cadres_attendance_is_for_the_Party_office()
    {
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/m/org-life/Cadres");
        Assert.NotEmpty(Html.Texts(page, "[data-testid=cadres] tbody tr")); // the demo's leading cadres, each a row
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/m/org-life/Cadres")).StatusCode);
    }

    [Fact]
    public async Task A_branch_sets_its_theme_Party_day_within_the_month()
    {
        var mine = await BranchIdAsync("第一党支部");
        var other = await BranchIdAsync("第二党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var bad = await secretary.PostFormAsync("/m/org-life/Schedules", new Dictionary<string, string> { ["BranchId"] = mine.ToString(), ["Day"] = "32" });
        Assert.Contains("请输入 1 至 31 之间的日期。", await bad.Content.ReadAsStringAsync());
        var ok = await secretary.PostFormAsync("/m/org-life/Schedules", new Dictionary<string, string> { ["BranchId"] = mine.ToString(), ["Day"] = "9" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains($"id=\"day-{mine}\" name=\"Day\" type=\"number\" min=\"1\" max=\"31\" value=\"9\"", await secretary.GetStringAsync("/m/org-life/Schedules"));
        var foreign = await secretary.PostFormAsync("/m/org-life/Schedules", new Dictionary<string, string> { ["BranchId"] = other.ToString(), ["Day"] = "9" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_member_downloads_their_meetings_as_an_iCalendar_feed()
    {
        var branch = await BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        await PlanAsync(secretary, branch, "PartyLecture", "日历里的党课（测试）", _portal.Today.AddDays(5).ToString("yyyy-MM-dd"));
        var member = await _portal.SignedInAsync("member");
        var response = await member.GetAsync("/m/org-life/api/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY:党课：日历里的党课（测试）", ics);
        Assert.Contains("BEGIN:VEVENT", ics);
        // Signed out, there is no feed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _portal.NewClient().GetAsync("/m/org-life/api/calendar.ics")).StatusCode);
    }
}
