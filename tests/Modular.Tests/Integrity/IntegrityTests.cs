using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Modules.Integrity.Domain;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

public sealed class IntegrityTests : IClassFixture<IntegrityTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Demo_data_fills_every_section_and_the_dashboard_shows_the_warning_target()
    {
        var office = await _portal.SignedInAsync("office");
        Assert.Matches("共 [1-9][0-9]* 个风险点", await office.GetStringAsync("/m/integrity")); // the demo's risks on the front page
        var warning = await office.GetStringAsync("/m/integrity/Warning");
        Assert.Contains("参观市廉政教育基地", warning);
        Assert.Matches("已开展警示教育 [1-9] 次，目标 [0-9]+ 次", warning);
        var risks = await office.GetStringAsync("/m/integrity/Risks");
        Assert.Contains("行政审批岗", risks);
        var overdue = Html.Texts(await office.GetStringAsync("/m/integrity/Risks?show=overdue"), "tbody td:last-child");
        Assert.NotEmpty(overdue);
        Assert.All(overdue, review => Assert.EndsWith("逾期", review));
        Assert.Contains("窗口服务指南未及时更新", await office.GetStringAsync("/m/integrity/Rectifications?show=overdue"));
        Assert.Contains("暗访", Html.Texts(await office.GetStringAsync("/m/integrity/Inspections"), "tbody td:nth-child(2)")); // a row's mode, not the filter's option
        var festivals = await office.GetStringAsync("/m/integrity/Festivals?year=2027");
        Assert.Contains("2027年2月6日", festivals);
        var dashboard = await office.GetStringAsync("/");
        Assert.Matches("^[1-9][0-9]*/[0-9]+$", Html.Metric(dashboard, "廉政教育", "今年警示教育")); // held / target
        Assert.NotEqual("0", Html.Metric(dashboard, "廉政教育", "逾期整改事项"));
        // The next festival's reminder, in the resources' Chinese (the demo calendar always has one ahead).
        Assert.Matches("节日廉洁提醒：(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)（提前 \\d+ 天）", dashboard);
        var todo = await office.GetStringAsync("/Todo");
        Assert.Contains("项整改事项已逾期", todo);
        Assert.Contains("个风险点已过复核日期", todo);
    }

    [Fact]
    public async Task Integrity_talks_are_seen_only_by_discipline_inspection_and_the_committee_secretary_and_every_view_is_audited()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var jijian = await _portal.SignedInAsync("jijian");
        var talker = await _portal.MemberIdAsync("刘纪平");
        var talkee = await _portal.MemberIdAsync("张国强");
        var id = await jijian.RecordTalkAsync(_portal.Today, talker, talkee, "提醒谈话：关于节日期间收受礼品的苗头性问题。");
        Assert.Contains("关于节日期间收受礼品", await jijian.GetStringAsync("/m/integrity/Talks"));
        var details = Html.Parse(await jijian.GetStringAsync($"/m/integrity/Talks/Details/{id}"));
        Assert.Contains("关于节日期间收受礼品", details.Body!.TextContent);
        // The breadcrumb names the person; the browser's title (kept in its history) does not.
        Assert.Equal(["廉政教育", "廉政谈话", "廉政谈话：张国强"], details.QuerySelectorAll(".breadcrumb-item").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("张国强", details.Title);
        Assert.Contains("关于节日期间收受礼品", await jijian.GetStringAsync($"/m/integrity/api/talks/{id}"));
        var views = await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "integrity.talk.view" && e.Target == $"IntegrityTalk#{id}").CountAsync());
        Assert.Equal(2, views);
        await jijian.GetStringAsync($"/m/integrity/Talks/Edit/{id}");
        views = await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "integrity.talk.view" && e.Target == $"IntegrityTalk#{id}").CountAsync());
        Assert.Equal(3, views);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "integrity.talk.list" && e.Details!.Contains($"#{id}"))));

        // The Party office, a branch secretary and a member: nothing, not even that the list exists.
        foreach (var user in new[] { "office", "secretary", "member" })
        {
            var client = await _portal.SignedInAsync(user);
            foreach (var url in new[] { "/m/integrity/Talks", $"/m/integrity/Talks/Details/{id}", $"/m/integrity/Talks/Edit/{id}", "/m/integrity/Talks/Edit", "/m/integrity/api/talks", $"/m/integrity/api/talks/{id}" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {url}: {(int)response.StatusCode}");
            }
            Assert.DoesNotContain("关于节日期间收受礼品", await client.GetStringAsync("/m/integrity"));
            Assert.DoesNotContain("/m/integrity/Talks", await client.GetStringAsync("/m/integrity"));
        }
        var post = await (await _portal.SignedInAsync("member")).PostFormAsync("/m/integrity", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Other", ["Input.Date"] = Integrity.D(_portal.Today), ["Input.TalkerMemberId"] = talker.ToString(),
            ["Input.TalkeeMemberId"] = talkee.ToString(), ["Input.Summary"] = "不应保存", ["Input.Version"] = "0",
        }, "/m/integrity/Talks/Edit");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // The demo's secretary of the agency Party committee (shuji: a member account, the post seeded in the directory) sees them.
        var shuji = await _portal.SignedInAsync("shuji");
        Assert.Contains("关于节日期间收受礼品", await shuji.GetStringAsync($"/m/integrity/Talks/Details/{id}"));
        Assert.Contains("/m/integrity/Talks", await shuji.GetStringAsync("/m/integrity"));
        // The menu shows them the talks too (the module's menu check), and still not to the office.
        static string Nav(string html) => html.Split("id=\"portal-nav\"")[1].Split("</nav>")[0];
        Assert.Contains("href=\"/m/integrity/Talks\"", Nav(await shuji.GetStringAsync("/")));
        Assert.Contains("href=\"/m/integrity/Talks\"", Nav(await jijian.GetStringAsync("/")));
        Assert.DoesNotContain("href=\"/m/integrity/Talks\"", Nav(await (await _portal.SignedInAsync("office")).GetStringAsync("/")));
        // So does a member made the committee's secretary later.
        await _portal.MakeCommitteeSecretaryAsync(demo, await _portal.MemberIdAsync("李晓梅"));
        var member = await _portal.SignedInAsync("member");
        Assert.Contains("关于节日期间收受礼品", await member.GetStringAsync($"/m/integrity/Talks/Details/{id}"));
        Assert.Equal(0, await _portal.TalkCountAsync(summary: "不应保存"));
        Assert.Equal("提醒谈话：关于节日期间收受礼品的苗头性问题。", await _portal.TalkSummaryAsync(id));
    }

    [Fact]
    public async Task The_agency_administrator_gives_the_discipline_inspection_role_on_the_accounts_page()
    {
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/Agency/Accounts?q=secretary");
        var action = WebUtility.HtmlDecode(Regex.Match(page, "action=\"([^\"]*Discipline[^\"]*)\"").Groups[1].Value);
        var membership = Regex.Match(action, @"membershipId=(\d+)").Groups[1].Value;
        Assert.NotEmpty(membership);
        var response = await office.PostFormAsync("/Agency/Accounts?q=secretary", new Dictionary<string, string> { ["on"] = "true" }, action);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("纪检", Html.Texts(await office.GetStringAsync("/Agency/Accounts?q=secretary"), "tbody td .status")); // the role, not the button
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/m/integrity/Talks")).StatusCode);
        // Taking it away again keeps the account's other roles.
        await office.PostFormAsync("/Agency/Accounts?q=secretary", new Dictionary<string, string> { ["on"] = "false" }, action);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("secretary")).GetAsync("/m/integrity/Talks")).StatusCode);
        Assert.Equal("member", await _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.Id == int.Parse(membership)).Select(m => m.Roles).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var jijian = await _portal.SignedInAsync("jijian");
        var me = await _portal.MemberIdAsync("刘纪平");
        var before = await _portal.TalkCountAsync();
        var response = await jijian.PostFormAsync("/m/integrity/Talks/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reminder", ["Input.Date"] = Integrity.D(_portal.Today.AddDays(3)), ["Input.TalkerMemberId"] = me.ToString(),
            ["Input.TalkeeMemberId"] = me.ToString(), ["Input.Summary"] = "  ", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("日期不能晚于今天", html);
        Assert.Contains("谈话人和谈话对象不能是同一人", html);
        Assert.Contains("请简要填写谈话内容", html);
        Assert.Equal(before, await _portal.TalkCountAsync());

        var office = await _portal.SignedInAsync("office");
        var inspections = await _portal.InspectionCountAsync();
        response = await office.PostFormAsync("/m/integrity/Inspections/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-13-45", ["Input.Mode"] = "Open", ["Input.TargetKind"] = "Window", ["Input.Target"] = "",
            ["Findings[0].Finding"] = "窗口人员脱岗", ["Findings[0].OwnerMemberId"] = "", ["Findings[0].Deadline"] = "",
            ["Findings[1].Finding"] = "", ["Findings[1].Deadline"] = Integrity.D(_portal.Today),
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请输入有效的日期", html);
        Assert.Contains("请填写被检查的窗口或部门", html);
        Assert.Contains("请选择整改责任人", html);
        Assert.Contains("请填写截止日期", html);
        Assert.Contains("请填写发现的问题，或清空这一行", html);
        Assert.Contains("窗口人员脱岗", html); // the input is kept
        Assert.Equal(inspections, await _portal.InspectionCountAsync());

        response = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-02-06", ["Input.DaysBefore"] = "45", ["Input.Text"] = "", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=SpringFestival&handler=Save");
        html = await response.Content.ReadAsStringAsync();
        Assert.Contains("日期须在 2027 年内", html);
        Assert.Contains("请输入 0 到 30 之间的天数", html);
        Assert.Contains("请填写提醒内容", html);
    }

    [Fact]
    public async Task Adding_an_empty_finding_names_every_missing_field_and_the_festival_page_opens_on_the_year_ahead()
    {
        var office = await _portal.SignedInAsync("office");
        var inspection = await _portal.FirstInspectionAsync(await _portal.DemoAgencyIdAsync());
        var items = await _portal.RectificationCountAsync();
        var response = await office.PostFormAsync($"/m/integrity/Inspections/Details/{inspection}", new Dictionary<string, string>
        {
            ["Findings[0].Finding"] = "", ["Findings[0].OwnerMemberId"] = "", ["Findings[0].Deadline"] = "",
        }, $"/m/integrity/Inspections/Details/{inspection}?handler=Add");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写发现的问题。", html);
        Assert.Contains("请选择整改责任人。", html);
        Assert.Contains("请填写截止日期。", html);
        Assert.Equal(items, await _portal.RectificationCountAsync());

        html = await (await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = "", ["Deadline"] = "" },
            "/m/integrity/Risks/Review?handler=Start")).Content.ReadAsStringAsync();
        Assert.Contains("请填写年度。", html);
        Assert.Contains("请填写复核截止日期。", html);

        // One current link in the navigation: the section's, not the module overview's beside it.
        html = await office.GetStringAsync("/m/integrity/Warning");
        var current = Regex.Matches(html, "<a href=\"([^\"]+)\" class=\"active\" aria-current=\"page\"");
        Assert.Equal("/m/integrity/Warning", Assert.Single(current).Groups[1].Value);
        // Rectification items belong to the inspections' menu item (it covers their path).
        html = await office.GetStringAsync("/m/integrity/Rectifications");
        current = Regex.Matches(html, "<a href=\"([^\"]+)\" class=\"active\" aria-current=\"page\"");
        Assert.Equal("/m/integrity/Inspections", Assert.Single(current).Groups[1].Value);

        var today = _portal.Today;
        var allPassed = Enum.GetValues<Modular.Modules.Integrity.Domain.Festival>().All(f => Modular.Modules.Integrity.Domain.FestivalCalendar.DefaultDate(f, today.Year) < today);
        Assert.Contains($"节日廉洁提醒（{(allPassed ? today.Year + 1 : today.Year)}）", await office.GetStringAsync("/m/integrity/Festivals"));
    }

    [Fact]
    public async Task The_yearly_review_round_goes_to_each_owner_who_confirms_or_updates_and_the_office_sees_progress()
    {
        var office = await _portal.SignedInAsync("office");
        var year = _portal.Today.Year;
        var total = await _portal.RiskCountAsync(await _portal.DemoAgencyIdAsync());
        var bad = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(_portal.Today.AddDays(-1)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Contains("截止日期不能早于今天", await bad.Content.ReadAsStringAsync());
        var start = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(_portal.Today.AddDays(20)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains($"已复核 0 / {total}", await office.GetStringAsync("/m/integrity/Risks/Review"));
        var again = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(_portal.Today.AddDays(20)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Contains($"{year} 年度复核已经启动过了", await again.Content.ReadAsStringAsync());

        // The first branch's secretary owns some points: they are in the to-do centre and on the review page.
        var secretary = await _portal.SignedInAsync("secretary");
        var secretaryId = await _portal.MemberIdAsync("张国强");
        var mine = await _portal.ReviewsOwnedByAsync(secretaryId);
        Assert.True(mine.Count >= 1);
        Assert.Contains("复核风险点", await secretary.GetStringAsync("/Todo"));
        var confirm = await secretary.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string>(), $"/m/integrity/Risks/Review?handler=Confirm&reviewId={mine[0]}");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(ReviewOutcome.Confirmed, await _portal.ReviewOutcomeAsync(mine[0]));
        // Someone else cannot answer the secretary's point.
        var other = await _portal.SignedInAsync("member");
        if (mine.Count > 1)
        {
            await other.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string>(), $"/m/integrity/Risks/Review?handler=Confirm&reviewId={mine[1]}");
            Assert.Equal(ReviewOutcome.Pending, await _portal.ReviewOutcomeAsync(mine[1]));
            // The owner updates the second one on its page: the review counts as updated, the next review is a year on.
            var riskId = await _portal.ReviewedRiskAsync(mine[1]);
            var version = await _portal.RiskVersionAsync(riskId);
            var update = await secretary.PostFormAsync($"/m/integrity/Risks/Edit/{riskId}", new Dictionary<string, string>
            {
                ["Input.Description"] = "项目验收走过场", ["Input.Level"] = "High", ["Input.Measures"] = "验收小组集体验收；纪检全程监督", ["Input.Version"] = version,
            });
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
            Assert.Equal(ReviewOutcome.Updated, await _portal.ReviewOutcomeAsync(mine[1]));
            Assert.Equal(_portal.Today.AddYears(1), await _portal.NextReviewDateAsync(riskId));
        }
        Assert.Contains($"已复核 {Math.Min(mine.Count, 2)} / {total}", await office.GetStringAsync("/m/integrity/Risks/Review"));
        // Past the round's deadline, what is not reviewed yet is overdue in the office's to-dos and the owner's.
        await _portal.SetReviewDeadlineAsync(year, _portal.Today.AddDays(-1));
        Assert.Contains($"{year} 年度复核有 {total - Math.Min(mine.Count, 2)} 个风险点逾期未复核", await office.GetStringAsync("/Todo"));
        // A member who owns no point cannot open someone else's.
        var someRisk = (await _portal.RisksOwnedByAsync(secretaryId)).First();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/integrity/Risks/Edit/{someRisk}")).StatusCode);
    }

    [Fact]
    public async Task An_inspection_finding_becomes_a_rectification_item_overdue_in_the_to_dos_until_its_owner_closes_it_with_evidence()
    {
        var office = await _portal.SignedInAsync("office");
        var owner = await _portal.MemberIdAsync("李晓梅");
        var response = await office.PostFormAsync("/m/integrity/Inspections/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = Integrity.D(_portal.Today.AddDays(-10)), ["Input.Mode"] = "Unannounced", ["Input.TargetKind"] = "Window", ["Input.Target"] = "不动产登记3号窗口",
            ["Findings[0].Finding"] = "工作时间窗口无人值守", ["Findings[0].OwnerMemberId"] = owner.ToString(), ["Findings[0].Deadline"] = Integrity.D(_portal.Today.AddDays(-2)),
            ["Findings[1].Finding"] = "", ["Findings[2].Finding"] = "",
        });
        var inspection = await Integrity.IdFromRedirectAsync(response);
        var item = await _portal.RectificationOfAsync(inspection);
        var member = await _portal.SignedInAsync("member");
        var todo = await member.GetStringAsync("/Todo");
        Assert.Contains("整改：工作时间窗口无人值守", todo);
        Assert.Contains("工作时间窗口无人值守", await member.GetStringAsync("/m/integrity/Rectifications?show=overdue"));
        // Members do not see the inspections themselves, only their items.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/integrity/Inspections/Details/{inspection}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("secretary")).GetAsync($"/m/integrity/Rectifications/Details/{item}")).StatusCode);

        // Closing needs a note; the evidence is optional and checked.
        var url = $"/m/integrity/Rectifications/Details/{item}";
        var token = await member.TokenAsync(url);
        var empty = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("1"), "Version" }, { new StringContent(""), "Note" } };
        var refused = await member.PostAsync(url + "?handler=Close", empty);
        Assert.Contains("请填写整改情况", await refused.Content.ReadAsStringAsync());
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await member.TokenAsync(url)), "__RequestVerificationToken" }, { new StringContent("1"), "Version" },
            { new StringContent("已建立窗口 AB 岗制度，每日巡查。"), "Note" }, { file, "Attachments", "巡查记录.png" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync(url + "?handler=Close", form)).StatusCode);
        var page = await member.GetStringAsync(url);
        Assert.Contains("已建立窗口 AB 岗制度", page);
        var download = Regex.Match(page, $@"/m/integrity/api/rectifications/{item}/files/\d+").Value;
        Assert.Equal(png, await member.GetByteArrayAsync(download));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("secretary")).GetAsync(download)).StatusCode);
        Assert.DoesNotContain("整改：工作时间窗口无人值守", await member.GetStringAsync("/Todo"));
        Assert.Equal(RectificationStatus.Closed, await _portal.RectificationStatusAsync(item));
    }

    [Fact]
    public async Task Warning_education_counts_held_sessions_against_the_agency_target_from_the_settings()
    {
        var office = await _portal.SignedInAsync("office");
        async Task<(int Held, int Target)> ProgressAsync()
        {
            var json = System.Text.Json.JsonDocument.Parse(await office.GetStringAsync("/m/integrity/api/warning/progress"));
            return (json.RootElement.GetProperty("held").GetInt32(), json.RootElement.GetProperty("target").GetInt32());
        }
        var (held, target) = await ProgressAsync();
        Assert.Equal(2, target);
        var settings = await office.GetStringAsync("/Agency/ModuleSettings/integrity");
        var version = Regex.Match(settings, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await office.PostFormAsync("/Agency/ModuleSettings/integrity", new Dictionary<string, string> { ["values[warningTarget]"] = "3", ["values[reminderDays]"] = "3", ["version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((held, 3), await ProgressAsync());

        // A session held today counts; one planned for later in the year does not yet.
        foreach (var (title, date) in new[] { ("警示教育（今天）", _portal.Today), ("警示教育（计划）", _portal.Today.AddDays(1)) })
        {
            var response = await office.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
            {
                ["Input.Kind"] = "WarningFilm", ["Input.Date"] = Integrity.D(date), ["Input.Title"] = title, ["Input.OrganizationId"] = "", ["Input.Version"] = "0",
            });
            var id = await Integrity.IdFromRedirectAsync(response);
            // The whole agency's Party members are expected.
            Assert.True(await _portal.WarningAttendeeCountAsync(id) > 20);
        }
        Assert.Equal((held + 1, 3), await ProgressAsync());
        Assert.Contains($"{held + 1}/3", await office.GetStringAsync("/"));
        Assert.Contains("目标 3 次", await office.GetStringAsync("/m/integrity/Warning"));
    }

    [Fact]
    public async Task An_edit_on_a_stale_page_is_refused_with_a_message_and_the_newer_change_kept()
    {
        var jijian = await _portal.SignedInAsync("jijian");
        var talker = await _portal.MemberIdAsync("刘纪平");
        var talkee = await _portal.MemberIdAsync("张国强");
        var id = await jijian.RecordTalkAsync(_portal.Today, talker, talkee, "第一次记录");
        Dictionary<string, string> Form(string summary) => new()
        {
            ["Input.Kind"] = "Reminder", ["Input.Date"] = Integrity.D(_portal.Today), ["Input.TalkerMemberId"] = talker.ToString(),
            ["Input.TalkeeMemberId"] = talkee.ToString(), ["Input.Summary"] = summary, ["Input.Version"] = "1",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await jijian.PostFormAsync($"/m/integrity/Talks/Edit/{id}", Form("第二次修改"))).StatusCode);
        var stale = await jijian.PostFormAsync($"/m/integrity/Talks/Edit/{id}", Form("过时页面的修改"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        Assert.Equal("第二次修改", await _portal.TalkSummaryAsync(id));
    }

    [Fact]
    public async Task The_risk_register_exports_to_Excel_for_the_office_only()
    {
        var office = await _portal.SignedInAsync("office");
        var response = await office.GetAsync("/m/integrity/api/risks.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var total = await _portal.RiskCountAsync(await _portal.DemoAgencyIdAsync());
        Assert.Equal(total, rows.Count);
        Assert.Contains(rows, r => (string)r["岗位"] == "行政审批岗" && (string)r["风险等级"] == "高");
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync("/m/integrity/api/risks.xlsx")).StatusCode);
    }
}
