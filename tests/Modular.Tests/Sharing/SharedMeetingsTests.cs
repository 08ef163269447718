using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Modules.Volunteer.Domain;
using Modular.Tests.Infrastructure;
using Modular.Tests.Volunteer;

namespace Modular.Tests.Sharing;

/// <summary>
/// Entered once (issue #18): a meeting recorded in org-life feeds warning education and practice-point activities, a
/// volunteer activity counts as a branch's theme Party day in org-life, each through the real plugins; a link shows its
/// snapshot while the other module is off, and another agency's record ids are refused.
/// </summary>
public sealed class SharedMeetingsTests : IClassFixture<SharedMeetingsTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life", "integrity", "civilization", "volunteer");

    private readonly Portal _portal;
    public SharedMeetingsTests(Portal portal) => _portal = portal;

    private static Task<HttpResponseMessage> ToggleAsync(HttpClient client, string moduleId, bool enable) =>
        client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = enable ? "true" : "false" }, $"/Agency/Modules?handler=Toggle&moduleId={moduleId}");

    private static async Task WithModuleOffAsync(HttpClient office, string moduleId, Func<Task> check)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await ToggleAsync(office, moduleId, false)).StatusCode);
        try { await check(); }
        finally { Assert.Equal(HttpStatusCode.Redirect, (await ToggleAsync(office, moduleId, true)).StatusCode); }
    }

    [Fact]
    public async Task A_meeting_recorded_once_feeds_warning_education_and_practice_which_keep_its_snapshot_while_org_life_is_off()
    {
        var office = await _portal.SignedInAsync("office");
        var branch = await _portal.BranchIdAsync("第一党支部");
        const string topic = "赴市廉政教育基地接受警示教育";
        var (meeting, expected) = await office.RecordHeldMeetingAsync(branch, "ThemePartyDay", topic, "市廉政教育基地", _portal.Today, absent: 1);
        var present = expected - 1;
        Assert.True(present > 0);

        // Warning education links the meeting: nothing typed but the kind.
        var edit = await office.GetStringAsync("/m/integrity/Warning/Edit");
        Assert.Contains("data-testid=\"meeting-picker\"", edit);
        Assert.Contains(topic, edit);
        var saved = await office.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
        {
            ["Input.MeetingShown"] = "true", ["Input.MeetingId"] = meeting.ToString(), ["Input.Kind"] = "BaseVisit",
            ["Input.Title"] = "", ["Input.Date"] = "", ["Input.Place"] = "", ["Input.Version"] = "0",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var sessionUrl = saved.Headers.Location!.ToString();
        var session = int.Parse(sessionUrl.Split('/').Last().Split('?')[0]);
        var details = await office.GetStringAsync(sessionUrl);
        Assert.Contains($"<h1>{topic}</h1>", details);
        Assert.Contains("市廉政教育基地", details);
        Assert.Contains(_portal.Today.ToString("yyyy年M月d日"), details);
        Assert.Equal($"{present} / {expected}", Html.Text(details, "[data-testid=present]"));
        Assert.Contains($"href=\"/m/org-life/Meetings/Details/{meeting}\"", details);
        Assert.DoesNotContain("handler=Attendance", details); // attendance is not ticked a second time
        // The office keeps the branch's records, so the meeting's people became the session's: the member may write reflections.
        Assert.Equal(expected, await _portal.IntAsync("SELECT COUNT(*) FROM int_warning_attendee WHERE \"SessionId\" = @s", ("s", session)));
        Assert.Equal(present, await _portal.IntAsync("SELECT COUNT(*) FROM int_warning_attendee WHERE \"SessionId\" = @s AND \"Present\" = @t", ("s", session), ("t", true)));
        Assert.Contains("我的心得体会", await (await _portal.SignedInAsync("member")).GetStringAsync(sessionUrl));

        // Practice: the meeting's attendance is the number of participants, not the number typed.
        Assert.Contains($"value=\"org-life.meeting:{meeting}\"", await office.GetStringAsync("/m/civilization/Practice/Edit"));
        var linked = await office.PostFormAsync("/m/civilization/Practice/Edit", new Dictionary<string, string>
        {
            ["Input.LinkShown"] = "true", ["Input.LinkId"] = $"org-life.meeting:{meeting}", ["Input.Kind"] = "Visit",
            ["Input.Title"] = "", ["Input.Date"] = "", ["Input.Participants"] = "999", ["Input.Version"] = "0",
        });
        Assert.True(linked.StatusCode == HttpStatusCode.Redirect, await linked.Content.ReadAsStringAsync());
        var row = Assert.Single(await _portal.RowsAsync("SELECT \"Id\", \"Title\", \"Place\", \"Participants\", \"LinkedTitle\" FROM civ_practice WHERE \"LinkedKind\" = @k AND \"LinkedId\" = @i",
            ("k", "org-life.meeting"), ("i", meeting.ToString())));
        Assert.Equal([topic, "市廉政教育基地", present.ToString(), topic], row[1..]);
        var practiceEdit = await office.GetStringAsync($"/m/civilization/Practice/Edit?id={row[0]}");
        Assert.Contains($"value=\"{present}\"", Html.Parse(practiceEdit).QuerySelector("[data-testid=linked-participants]")!.OuterHtml);
        var list = await office.GetStringAsync("/m/civilization/Practice");
        Assert.Contains($"href=\"/m/org-life/Meetings/Details/{meeting}\"", list);
        Assert.Contains(Html.Rows(list, "[data-testid=practice]"), r => r["活动"].StartsWith(topic) && r["参加人数"] == present.ToString());

        await WithModuleOffAsync(office, "org-life", async () =>
        {
            var off = await office.GetStringAsync(sessionUrl);
            Assert.DoesNotContain("/m/org-life/", off);
            Assert.Equal($"{present} / {expected}", Html.Text(off, "[data-testid=present]"));
            Assert.Contains(topic, Html.Text(off, "[data-testid=linked-meeting]"));
            var editOff = await office.GetStringAsync($"/m/integrity/Warning/Edit/{session}");
            Assert.DoesNotContain("data-testid=\"meeting-picker\"", editOff);
            Assert.Contains("data-testid=\"linked-snapshot\"", editOff);
            var listOff = await office.GetStringAsync("/m/civilization/Practice");
            Assert.DoesNotContain("/m/org-life/", listOff);
            Assert.Contains($"已关联：{topic}", listOff);
            Assert.Contains(Html.Rows(listOff, "[data-testid=practice]"), r => r["活动"].StartsWith(topic) && r["参加人数"] == present.ToString());
            // Volunteer is still on, so the picker stays, with the stored meeting as its choice.
            Assert.Matches($"<option value=\"org-life.meeting:{meeting}\" selected=\"selected\">[^<]*{topic}", await office.GetStringAsync($"/m/civilization/Practice/Edit?id={row[0]}"));
        });
        Assert.Contains($"href=\"/m/org-life/Meetings/Details/{meeting}\"", await office.GetStringAsync(sessionUrl));
    }

    [Fact]
    public async Task A_volunteer_activity_counted_as_the_theme_party_day_fills_that_month_in_compliance_and_keeps_counting_while_volunteer_is_off()
    {
        var office = await _portal.SignedInAsync("office");
        var branch = await _portal.BranchIdAsync("第一党支部");
        const string title = "主题党日：走进结对社区开展志愿服务";
        var form = Volunteer.Volunteer.Form(await _portal.MemberIdAsync("王建华"), _portal.LocalNow.Date.AddDays(1).AddHours(9), title: title);
        form["Input.CountsAsThemePartyDay"] = "true";
        // Only a branch holds theme Party days: the whole agency's activity is refused next to the box.
        var refused = await office.PostFormAsync("/m/volunteer/Activities/Edit", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只有党支部组织的活动才能计为主题党日", await refused.Content.ReadAsStringAsync());
        form["Input.OrganizationId"] = branch.ToString();
        var activity = await office.CreateAsync(form);
        Assert.Contains("data-testid=\"theme-day\"", await office.GetStringAsync(Volunteer.Volunteer.Details(activity)));
        // The branch's fixed theme Party day is the 15th: an activity on the 20th counts and shows that it moved.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/m/org-life/Schedules",
            new Dictionary<string, string> { ["BranchId"] = branch.ToString(), ["Day"] = "15" })).StatusCode);

        // A year with no demo records: only the volunteer activity can make a theme day held.
        var year = _portal.Today.Year - 3;
        var start = new DateTime(year, 5, 20, 9, 0, 0);
        await _portal.MoveActivityAsync(activity, start, start.AddHours(3), start.AddHours(-2));
        async Task<JsonElement> ThemeDaysAsync()
        {
            var report = JsonDocument.Parse(await office.GetStringAsync($"/m/org-life/api/compliance?year={year}")).RootElement;
            return report.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == branch).GetProperty("types").GetProperty("ThemePartyDay");
        }
        async Task<AngleSharp.Dom.IElement> MayCellAsync()
        {
            var grid = Html.Parse(await office.GetStringAsync($"/m/org-life/Compliance?year={year}&type=ThemePartyDay"));
            var row = grid.QuerySelectorAll("[data-testid=compliance-grid] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "第一党支部");
            return row.QuerySelectorAll("td")[4];
        }
        async Task<string> ManualAsync()
        {
            using var zip = new System.IO.Compression.ZipArchive(await office.GetStreamAsync($"/m/org-life/api/branches/{branch}/manual.docx?year={year}"));
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            return await reader.ReadToEndAsync();
        }
        // Published but not finished: not yet a theme day held.
        Assert.Equal("Overdue", (await ThemeDaysAsync())[4].GetProperty("state").GetString());

        await _portal.SetActivityStatusAsync(activity, ActivityStatus.Finished);
        var months = await ThemeDaysAsync();
        Assert.Equal("Held", months[4].GetProperty("state").GetString());
        Assert.Equal(Volunteer.Volunteer.Details(activity), months[4].GetProperty("countedFrom").GetString());
        Assert.Equal($"{year}-05-15", months[4].GetProperty("movedFrom").GetString());
        Assert.Equal("Overdue", months[3].GetProperty("state").GetString());
        var may = await MayCellAsync();
        var counted = may.QuerySelector("[data-testid=counted-from] a")!;
        Assert.Equal(("由志愿服务活动计入", Volunteer.Volunteer.Details(activity)), (counted.TextContent, counted.GetAttribute("href")));
        var moved = $"改期（固定日 {year}-05-15）";
        Assert.Equal(moved, may.QuerySelector("[data-testid=theme-day-moved]")!.TextContent.Trim());
        // The branch's year in Word and Excel lists the day among its theme Party days, moved.
        Assert.Contains($"{year}年5月20日（改期，固定日 5月15日）　{title}（由志愿服务活动计入）", await ManualAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await office.GetByteArrayAsync($"/m/org-life/api/branches/{branch}/records.xlsx?year={year}")), useHeaderRow: true, sheetName: "会议记录")
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r["类型"]?.ToString() == "主题党日" && r["日期"]?.ToString() == $"{year}-05-20（改期，固定日 5月15日）" && r["主题"]?.ToString() == title + "（由志愿服务活动计入）");

        // Org-life kept what it counted: with volunteer off the day still counts, moved, without a link to the module that is off.
        await WithModuleOffAsync(office, "volunteer", async () =>
        {
            var off = await ThemeDaysAsync();
            Assert.Equal("Held", off[4].GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, off[4].GetProperty("countedFrom").ValueKind);
            var cell = await MayCellAsync();
            Assert.Equal("由志愿服务活动计入", cell.QuerySelector("[data-testid=counted-from]")!.TextContent.Trim());
            Assert.Null(cell.QuerySelector("[data-testid=counted-from] a"));
            Assert.Equal(title, cell.QuerySelector("[data-testid=counted-from] span")!.GetAttribute("title"));
            Assert.Equal(moved, cell.QuerySelector("[data-testid=theme-day-moved]")!.TextContent.Trim());
            Assert.Contains($"{title}（由志愿服务活动计入）", await ManualAsync());
        });
        Assert.Equal("Held", (await ThemeDaysAsync())[4].GetProperty("state").GetString());

        // No longer counted by volunteer (here: not finished after all): org-life drops its snapshot, and nothing counts while volunteer is off.
        await _portal.SetActivityStatusAsync(activity, ActivityStatus.Published);
        Assert.Equal("Overdue", (await ThemeDaysAsync())[4].GetProperty("state").GetString());
        await WithModuleOffAsync(office, "volunteer", async () =>
        {
            Assert.Equal("Overdue", (await ThemeDaysAsync())[4].GetProperty("state").GetString());
            Assert.DoesNotContain("data-testid=\"counted-from\"", await office.GetStringAsync($"/m/org-life/Compliance?year={year}&type=ThemePartyDay"));
        });
    }

    [Fact]
    public async Task Who_does_not_keep_the_branch_links_its_meeting_with_the_counts_alone()
    {
        // 纪检 keeps warning education but holds no post in their branch: org-life shows them the meeting they attended, not its people.
        int branch;
        using (AgencyScope.Use(await _portal.DemoAgencyIdAsync()))
        {
            await using var scope = _portal.Services.CreateAsyncScope();
            branch = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.Where(m => m.Name == "刘纪平").Select(m => m.OrganizationId).SingleAsync();
        }
        var office = await _portal.SignedInAsync("office");
        var (meeting, expected) = await office.RecordHeldMeetingAsync(branch, "ThemePartyDay", "观看警示教育片并开展讨论", "机关会议室", _portal.Today, absent: 2);
        var jijian = await _portal.SignedInAsync("jijian");
        Assert.Contains("观看警示教育片并开展讨论", await jijian.GetStringAsync("/m/integrity/Warning/Edit"));
        var saved = await jijian.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
        {
            ["Input.MeetingShown"] = "true", ["Input.MeetingId"] = meeting.ToString(), ["Input.Kind"] = "WarningFilm",
            ["Input.Title"] = "观看警示教育片《零容忍》", ["Input.Date"] = "", ["Input.Version"] = "0",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var session = int.Parse(saved.Headers.Location!.ToString().Split('/').Last().Split('?')[0]);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM int_warning_attendee WHERE \"SessionId\" = @s", ("s", session)));
        Assert.Equal((expected - 2).ToString(), await _portal.TextAsync("SELECT \"LinkedPresent\" FROM int_warning WHERE \"Id\" = @s", ("s", session)));
        Assert.Equal($"{expected - 2} / {expected}", Html.Text(await jijian.GetStringAsync($"/m/integrity/Warning/Details/{session}"), "[data-testid=present]"));
    }

    [Fact]
    public async Task Another_agencys_meeting_cannot_be_linked()
    {
        var office = await _portal.SignedInAsync("office");
        var branch = await _portal.BranchIdAsync("第一党支部");
        var (meeting, _) = await office.RecordHeldMeetingAsync(branch, "PartyLecture", "甲单位的专题党课", "党员活动室", _portal.Today);
        await _portal.CreateAgencyAsync("SMB", "smb-admin", "agency-admin,member", "org-life", "integrity", "civilization");
        var other = await _portal.SignedInAsync("smb-admin");
        Assert.DoesNotContain("甲单位的专题党课", await other.GetStringAsync("/m/integrity/Warning/Edit"));
        Assert.DoesNotContain("甲单位的专题党课", await other.GetStringAsync("/m/civilization/Practice/Edit"));

        var warning = await other.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
        {
            ["Input.MeetingShown"] = "true", ["Input.MeetingId"] = meeting.ToString(), ["Input.Kind"] = "BaseVisit",
            ["Input.Title"] = "乙单位借用的会议", ["Input.Date"] = _portal.Today.ToString("yyyy-MM-dd"), ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, warning.StatusCode);
        Assert.Contains("请从列表中选择会议。", await warning.Content.ReadAsStringAsync());
        var practice = await other.PostFormAsync("/m/civilization/Practice/Edit", new Dictionary<string, string>
        {
            ["Input.LinkShown"] = "true", ["Input.LinkId"] = $"org-life.meeting:{meeting}", ["Input.Kind"] = "Visit",
            ["Input.Title"] = "乙单位借用的会议", ["Input.Date"] = _portal.Today.ToString("yyyy-MM-dd"), ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, practice.StatusCode);
        Assert.Contains("请从列表中选择要关联的记录。", await practice.Content.ReadAsStringAsync());
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM int_warning WHERE \"Title\" = @t", ("t", "乙单位借用的会议")));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM civ_practice WHERE \"Title\" = @t", ("t", "乙单位借用的会议")));
    }
}
