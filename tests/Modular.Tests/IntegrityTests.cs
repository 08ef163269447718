using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Jobs;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests;

/// <summary>Drives the anti-corruption module through its pages, API and festival job, as its users do.</summary>
public static class Integrity
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<int> IdFromRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"/(\d+)(\?|$)").Groups[1].Value);
    }

    public static async Task<int> RecordTalkAsync(this HttpClient client, int talker, int talkee, string summary = "任前廉政谈话：明确岗位廉政风险，签订廉洁承诺书。") =>
        await IdFromRedirectAsync(await client.PostFormAsync("/m/integrity/Talks/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "OnTakingOffice", ["Input.Date"] = D(Today), ["Input.TalkerMemberId"] = talker.ToString(),
            ["Input.TalkeeMemberId"] = talkee.ToString(), ["Input.Summary"] = summary, ["Input.Version"] = "0",
        }));

    /// <summary>Makes a member the agency Party committee's secretary (a committee post in the directory).</summary>
    public static async Task MakeCommitteeSecretaryAsync(this PortalFactory portal, int agencyId, int memberId)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var committee = await db.Organizations.Where(o => o.Kind == OrganizationKind.AgencyCommittee).Select(o => o.Id).FirstAsync();
        db.Posts.Add(new OrganizationPost { OrganizationId = committee, MemberId = memberId, Post = CommitteePost.Secretary });
        await db.SaveChangesAsync();
    }

    public static Task<int> RunJobsAsync(this PortalFactory portal, DateOnly day) =>
        portal.Services.GetRequiredService<ScheduledJobRunner>().RunOnceAsync(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeZoneInfo.Local.GetUtcOffset(day.ToDateTime(new TimeOnly(9, 0)))));

    public static async Task<int> CountAsync(this PortalFactory portal, string sql, params (string, object)[] p) =>
        int.Parse((await portal.QueryAsync(sql, p)).Single());
}

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
        Assert.Contains("廉政教育", await office.GetStringAsync("/m/integrity"));
        var warning = await office.GetStringAsync("/m/integrity/Warning");
        Assert.Contains("参观市廉政教育基地", warning);
        Assert.Matches("已开展警示教育 [1-9] 次，目标 [0-9]+ 次", warning);
        var risks = await office.GetStringAsync("/m/integrity/Risks");
        Assert.Contains("行政审批岗", risks);
        Assert.Contains("逾期", await office.GetStringAsync("/m/integrity/Risks?show=overdue"));
        Assert.Contains("窗口服务指南未及时更新", await office.GetStringAsync("/m/integrity/Rectifications?show=overdue"));
        Assert.Contains("暗访", await office.GetStringAsync("/m/integrity/Inspections"));
        var festivals = await office.GetStringAsync("/m/integrity/Festivals?year=2027");
        Assert.Contains("2027年2月6日", festivals);
        var dashboard = await office.GetStringAsync("/");
        Assert.Contains("今年警示教育", dashboard);
        Assert.Contains("逾期整改事项", dashboard);
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
        var id = await jijian.RecordTalkAsync(talker, talkee, "提醒谈话：关于节日期间收受礼品的苗头性问题。");
        Assert.Contains("关于节日期间收受礼品", await jijian.GetStringAsync("/m/integrity/Talks"));
        Assert.Contains("关于节日期间收受礼品", await jijian.GetStringAsync($"/m/integrity/Talks/Details/{id}"));
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
            ["Input.Kind"] = "Other", ["Input.Date"] = Integrity.D(Integrity.Today), ["Input.TalkerMemberId"] = talker.ToString(),
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
        Assert.Equal(1, await _portal.CountAsync("SELECT COUNT(*) FROM int_talk WHERE \"Summary\" = '不应保存' OR \"Id\" = @id", ("id", id)));
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
        Assert.Contains("纪检", await office.GetStringAsync("/Agency/Accounts?q=secretary"));
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/m/integrity/Talks")).StatusCode);
        // Taking it away again keeps the account's other roles.
        await office.PostFormAsync("/Agency/Accounts?q=secretary", new Dictionary<string, string> { ["on"] = "false" }, action);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("secretary")).GetAsync("/m/integrity/Talks")).StatusCode);
        Assert.Equal("member", (await _portal.QueryAsync("SELECT \"Roles\" FROM \"AgencyMemberships\" WHERE \"Id\" = @id", ("id", int.Parse(membership)))).Single());
    }

    [Fact]
    public async Task Bad_input_gets_Chinese_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var jijian = await _portal.SignedInAsync("jijian");
        var me = await _portal.MemberIdAsync("刘纪平");
        var before = await _portal.CountAsync("SELECT COUNT(*) FROM int_talk");
        var response = await jijian.PostFormAsync("/m/integrity/Talks/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reminder", ["Input.Date"] = Integrity.D(Integrity.Today.AddDays(3)), ["Input.TalkerMemberId"] = me.ToString(),
            ["Input.TalkeeMemberId"] = me.ToString(), ["Input.Summary"] = "  ", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("日期不能晚于今天", html);
        Assert.Contains("谈话人和谈话对象不能是同一人", html);
        Assert.Contains("请简要填写谈话内容", html);
        Assert.Equal(before, await _portal.CountAsync("SELECT COUNT(*) FROM int_talk"));

        var office = await _portal.SignedInAsync("office");
        var inspections = await _portal.CountAsync("SELECT COUNT(*) FROM int_inspection");
        response = await office.PostFormAsync("/m/integrity/Inspections/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-13-45", ["Input.Mode"] = "Open", ["Input.TargetKind"] = "Window", ["Input.Target"] = "",
            ["Findings[0].Finding"] = "窗口人员脱岗", ["Findings[0].OwnerMemberId"] = "", ["Findings[0].Deadline"] = "",
            ["Findings[1].Finding"] = "", ["Findings[1].Deadline"] = Integrity.D(Integrity.Today),
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请输入有效的日期", html);
        Assert.Contains("请填写被检查的窗口或部门", html);
        Assert.Contains("请选择整改责任人", html);
        Assert.Contains("请填写截止日期", html);
        Assert.Contains("请填写发现的问题，或清空这一行", html);
        Assert.Contains("窗口人员脱岗", html); // the input is kept
        Assert.Equal(inspections, await _portal.CountAsync("SELECT COUNT(*) FROM int_inspection"));

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
        var inspection = int.Parse((await _portal.QueryAsync("SELECT MIN(\"Id\") FROM int_inspection WHERE \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()))).Single());
        var items = await _portal.CountAsync("SELECT COUNT(*) FROM int_rectification");
        var response = await office.PostFormAsync($"/m/integrity/Inspections/Details/{inspection}", new Dictionary<string, string>
        {
            ["Findings[0].Finding"] = "", ["Findings[0].OwnerMemberId"] = "", ["Findings[0].Deadline"] = "",
        }, $"/m/integrity/Inspections/Details/{inspection}?handler=Add");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写发现的问题。", html);
        Assert.Contains("请选择整改责任人。", html);
        Assert.Contains("请填写截止日期。", html);
        Assert.Equal(items, await _portal.CountAsync("SELECT COUNT(*) FROM int_rectification"));

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

        var today = Integrity.Today;
        var allPassed = Enum.GetValues<Modular.Modules.Integrity.Domain.Festival>().All(f => Modular.Modules.Integrity.Domain.FestivalCalendar.DefaultDate(f, today.Year) < today);
        Assert.Contains($"节日廉洁提醒（{(allPassed ? today.Year + 1 : today.Year)}）", await office.GetStringAsync("/m/integrity/Festivals"));
    }

    [Fact]
    public async Task The_yearly_review_round_goes_to_each_owner_who_confirms_or_updates_and_the_office_sees_progress()
    {
        var office = await _portal.SignedInAsync("office");
        var year = Integrity.Today.Year;
        var total = await _portal.CountAsync("SELECT COUNT(*) FROM int_risk WHERE \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()));
        var bad = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(Integrity.Today.AddDays(-1)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Contains("截止日期不能早于今天", await bad.Content.ReadAsStringAsync());
        var start = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(Integrity.Today.AddDays(20)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains($"已复核 0 / {total}", await office.GetStringAsync("/m/integrity/Risks/Review"));
        var again = await office.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string> { ["RoundYear"] = year.ToString(), ["Deadline"] = Integrity.D(Integrity.Today.AddDays(20)) },
            "/m/integrity/Risks/Review?handler=Start");
        Assert.Contains($"{year} 年度复核已经启动过了", await again.Content.ReadAsStringAsync());

        // The first branch's secretary owns some points: they are in the to-do centre and on the review page.
        var secretary = await _portal.SignedInAsync("secretary");
        var secretaryId = await _portal.MemberIdAsync("张国强");
        var mine = (await _portal.QueryAsync("SELECT \"Id\" FROM int_review WHERE \"OwnerMemberId\" = @m ORDER BY \"Id\"", ("m", secretaryId))).Select(int.Parse).ToList();
        Assert.True(mine.Count >= 1);
        Assert.Contains("复核风险点", await secretary.GetStringAsync("/Todo"));
        var confirm = await secretary.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string>(), $"/m/integrity/Risks/Review?handler=Confirm&reviewId={mine[0]}");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("1", (await _portal.QueryAsync("SELECT \"Outcome\" FROM int_review WHERE \"Id\" = @id", ("id", mine[0]))).Single());
        // Someone else cannot answer the secretary's point.
        var other = await _portal.SignedInAsync("member");
        if (mine.Count > 1)
        {
            await other.PostFormAsync("/m/integrity/Risks/Review", new Dictionary<string, string>(), $"/m/integrity/Risks/Review?handler=Confirm&reviewId={mine[1]}");
            Assert.Equal("0", (await _portal.QueryAsync("SELECT \"Outcome\" FROM int_review WHERE \"Id\" = @id", ("id", mine[1]))).Single());
            // The owner updates the second one on its page: the review counts as updated, the next review is a year on.
            var riskId = int.Parse((await _portal.QueryAsync("SELECT \"RiskId\" FROM int_review WHERE \"Id\" = @id", ("id", mine[1]))).Single());
            var version = (await _portal.QueryAsync("SELECT \"Version\" FROM int_risk WHERE \"Id\" = @id", ("id", riskId))).Single();
            var update = await secretary.PostFormAsync($"/m/integrity/Risks/Edit/{riskId}", new Dictionary<string, string>
            {
                ["Input.Description"] = "项目验收走过场", ["Input.Level"] = "High", ["Input.Measures"] = "验收小组集体验收；纪检全程监督", ["Input.Version"] = version,
            });
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
            Assert.Equal("2", (await _portal.QueryAsync("SELECT \"Outcome\" FROM int_review WHERE \"Id\" = @id", ("id", mine[1]))).Single());
            Assert.Equal(Integrity.D(Integrity.Today.AddYears(1)), (await _portal.QueryAsync("SELECT CAST(\"NextReviewDate\" AS TEXT) FROM int_risk WHERE \"Id\" = @id", ("id", riskId))).Single());
        }
        Assert.Contains($"已复核 {Math.Min(mine.Count, 2)} / {total}", await office.GetStringAsync("/m/integrity/Risks/Review"));
        // Past the round's deadline, what is not reviewed yet is overdue in the office's to-dos and the owner's.
        await _portal.ExecAsync("UPDATE int_review_round SET \"Deadline\" = @d WHERE \"Year\" = @y", ("d", Integrity.Today.AddDays(-1)), ("y", year));
        Assert.Contains($"{year} 年度复核有 {total - Math.Min(mine.Count, 2)} 个风险点逾期未复核", await office.GetStringAsync("/Todo"));
        // A member who owns no point cannot open someone else's.
        var someRisk = (await _portal.QueryAsync("SELECT \"Id\" FROM int_risk WHERE \"OwnerMemberId\" = @m", ("m", secretaryId))).First();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/integrity/Risks/Edit/{someRisk}")).StatusCode);
    }

    [Fact]
    public async Task An_inspection_finding_becomes_a_rectification_item_overdue_in_the_to_dos_until_its_owner_closes_it_with_evidence()
    {
        var office = await _portal.SignedInAsync("office");
        var owner = await _portal.MemberIdAsync("李晓梅");
        var response = await office.PostFormAsync("/m/integrity/Inspections/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = Integrity.D(Integrity.Today.AddDays(-10)), ["Input.Mode"] = "Unannounced", ["Input.TargetKind"] = "Window", ["Input.Target"] = "不动产登记3号窗口",
            ["Findings[0].Finding"] = "工作时间窗口无人值守", ["Findings[0].OwnerMemberId"] = owner.ToString(), ["Findings[0].Deadline"] = Integrity.D(Integrity.Today.AddDays(-2)),
            ["Findings[1].Finding"] = "", ["Findings[2].Finding"] = "",
        });
        var inspection = await Integrity.IdFromRedirectAsync(response);
        var item = int.Parse((await _portal.QueryAsync("SELECT \"Id\" FROM int_rectification WHERE \"InspectionId\" = @i", ("i", inspection))).Single());
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
        Assert.Equal("1", (await _portal.QueryAsync("SELECT \"Status\" FROM int_rectification WHERE \"Id\" = @id", ("id", item))).Single());
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
        foreach (var (title, date) in new[] { ("警示教育（今天）", Integrity.Today), ("警示教育（计划）", Integrity.Today.AddDays(1)) })
        {
            var response = await office.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
            {
                ["Input.Kind"] = "WarningFilm", ["Input.Date"] = Integrity.D(date), ["Input.Title"] = title, ["Input.OrganizationId"] = "", ["Input.Version"] = "0",
            });
            var id = await Integrity.IdFromRedirectAsync(response);
            // The whole agency's Party members are expected.
            Assert.True(await _portal.CountAsync("SELECT COUNT(*) FROM int_warning_attendee WHERE \"SessionId\" = @s", ("s", id)) > 20);
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
        var id = await jijian.RecordTalkAsync(talker, talkee, "第一次记录");
        Dictionary<string, string> Form(string summary) => new()
        {
            ["Input.Kind"] = "Reminder", ["Input.Date"] = Integrity.D(Integrity.Today), ["Input.TalkerMemberId"] = talker.ToString(),
            ["Input.TalkeeMemberId"] = talkee.ToString(), ["Input.Summary"] = summary, ["Input.Version"] = "1",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await jijian.PostFormAsync($"/m/integrity/Talks/Edit/{id}", Form("第二次修改"))).StatusCode);
        var stale = await jijian.PostFormAsync($"/m/integrity/Talks/Edit/{id}", Form("过时页面的修改"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        Assert.Equal("第二次修改", (await _portal.QueryAsync("SELECT \"Summary\" FROM int_talk WHERE \"Id\" = @id", ("id", id))).Single());
    }

    [Fact]
    public async Task The_risk_register_exports_to_Excel_for_the_office_only()
    {
        var office = await _portal.SignedInAsync("office");
        var response = await office.GetAsync("/m/integrity/api/risks.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var total = await _portal.CountAsync("SELECT COUNT(*) FROM int_risk WHERE \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()));
        Assert.Equal(total, rows.Count);
        Assert.Contains(rows, r => (string)r["岗位"] == "行政审批岗" && (string)r["风险等级"] == "高");
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync("/m/integrity/api/risks.xlsx")).StatusCode);
    }
}

/// <summary>Festival reminders through the host's scheduled jobs: the right day, once, only the agency's members, not where the module is off.</summary>
public sealed class IntegrityFestivalTests : IClassFixture<IntegrityFestivalTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityFestivalTests(Portal portal) => _portal = portal;

    private Task<int> NoticesAsync(int agencyId) =>
        _portal.CountAsync("SELECT COUNT(*) FROM dir_notification WHERE \"AgencyId\" = @a AND \"ModuleId\" = 'integrity'", ("a", agencyId));

    [Fact]
    public async Task A_reminder_goes_to_every_member_once_from_the_set_days_before_and_not_where_the_module_is_off()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var second = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Id != demo).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        // The second demo agency turns the module off.
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Modules.ModuleSwitchboard>().SetEnabledAsync(second, "integrity", false, default));

        // Spring Festival 2027 is on 6 February; the default is 3 days before.
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 2));
        Assert.Equal(0, await NoticesAsync(demo));
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 3));
        var members = await _portal.CountAsync("SELECT COUNT(*) FROM dir_member WHERE \"AgencyId\" = @a AND \"Status\" NOT IN (5, 8)", ("a", demo));
        Assert.Equal(members, await NoticesAsync(demo));
        Assert.Equal(members, await _portal.CountAsync("SELECT COUNT(*) FROM dir_notification WHERE \"AgencyId\" = @a AND \"Title\" = '节日廉洁提醒：春节'", ("a", demo)));
        // Later runs (the same day, the next day, the festival itself) send nothing more.
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 3));
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 6));
        Assert.Equal(members, await NoticesAsync(demo));
        Assert.Equal(1, await _portal.CountAsync("SELECT COUNT(*) FROM int_festival_sent WHERE \"AgencyId\" = @a", ("a", demo)));
        Assert.Equal(0, await NoticesAsync(second));

        // The member sees it under 我的消息; the calendar page says it went out.
        var member = await _portal.SignedInAsync("member");
        Assert.Contains("节日廉洁提醒：春节", await member.GetStringAsync("/Notifications"));
        Assert.Contains("已于", await (await _portal.SignedInAsync("office")).GetStringAsync("/m/integrity/Festivals?year=2027"));

        // A festival switched off is not reminded.
        await _portal.ExecAsync("UPDATE int_festival SET \"Enabled\" = @off WHERE \"AgencyId\" = @a AND \"Year\" = 2027 AND \"Festival\" = 2", ("off", false), ("a", demo));
        await _portal.RunJobsAsync(new DateOnly(2027, 4, 4));
        Assert.Equal(members, await NoticesAsync(demo));
    }
}

/// <summary>GETs read only: a fresh agency's dashboard and festival pages show the default calendar without storing it.</summary>
public sealed class IntegrityReadOnlyGetTests : IClassFixture<IntegrityReadOnlyGetTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityReadOnlyGetTests(Portal portal) => _portal = portal;

    /// <summary>Rows in every table of the module, all agencies together.</summary>
    private async Task<Dictionary<string, int>> ModuleRowsAsync()
    {
        var tables = await _portal.QueryAsync(TestDatabase.IsPostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'int\\_%' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'int\\_%' ESCAPE '\\' ORDER BY name");
        Assert.Contains("int_festival", tables);
        var rows = new Dictionary<string, int>();
        foreach (var t in tables) rows[t] = await _portal.CountAsync($"SELECT COUNT(*) FROM \"{t}\"");
        return rows;
    }

    [Fact]
    public async Task A_fresh_agency_s_dashboard_and_festival_pages_write_nothing_and_saving_a_festival_stores_its_year()
    {
        var agency = await _portal.CreateAgencyAsync("GETRO", "getro", $"{Roles.AgencyAdmin},{Roles.Member}", "integrity");
        var office = await _portal.SignedInAsync("getro");
        var before = await ModuleRowsAsync();

        var dashboard = await office.GetStringAsync("/");
        Assert.Matches("节日廉洁提醒：(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)（提前 \\d+ 天）", dashboard);
        Assert.Contains("天向全体党员发送提醒", await office.GetStringAsync("/m/integrity"));
        var festivals = await office.GetStringAsync("/m/integrity/Festivals?year=2027");
        Assert.Contains("2027年2月6日", festivals); // the default Spring Festival date, computed
        Assert.Contains("name=\"Input.Version\" value=\"0\"", festivals);
        await office.GetStringAsync("/m/integrity/Festivals");
        await office.GetStringAsync("/m/integrity/Festivals?year=2028");
        Assert.Equal(before, await ModuleRowsAsync());

        // Saving one festival of a year on its defaults stores the year's calendar with that change.
        var saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-06", ["Input.DaysBefore"] = "7", ["Input.Text"] = "春节期间严守中央八项规定精神。", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=SpringFestival&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var festivalCount = Enum.GetValues<Modular.Modules.Integrity.Domain.Festival>().Length;
        Assert.Equal(festivalCount, await _portal.CountAsync("SELECT COUNT(*) FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" = 2027", ("a", agency)));
        Assert.Equal(7, await _portal.CountAsync("SELECT \"DaysBefore\" FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" = 2027 AND \"Festival\" = @f",
            ("a", agency), ("f", (int)Modular.Modules.Integrity.Domain.Festival.SpringFestival)));
        Assert.Equal(0, await _portal.CountAsync("SELECT COUNT(*) FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" <> 2027", ("a", agency)));
        // A second form still showing the defaults (Version 0) for another festival saves too; the same one again is a conflict.
        saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-10-01", ["Input.DaysBefore"] = "5", ["Input.Text"] = "国庆期间廉洁过节。", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=NationalDay&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存", await office.GetStringAsync(saved.Headers.Location!.ToString()));
        saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-05", ["Input.DaysBefore"] = "3", ["Input.Text"] = "覆盖", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=SpringFestival&handler=Save");
        Assert.Contains("其他人修改", await office.GetStringAsync(saved.Headers.Location!.ToString()));
        Assert.Equal(7, await _portal.CountAsync("SELECT \"DaysBefore\" FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" = 2027 AND \"Festival\" = @f",
            ("a", agency), ("f", (int)Modular.Modules.Integrity.Domain.Festival.SpringFestival)));
    }
}

/// <summary>Another agency's people see nothing of this agency's integrity records, on any page or API, even with every role.</summary>
public sealed class IntegrityIsolationTests : IClassFixture<IntegrityIsolationTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityIsolationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Pages_and_API_of_another_agency_answer_404_and_lists_hold_only_the_own_agency()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var jijian = await _portal.SignedInAsync("jijian");
        var talk = await jijian.RecordTalkAsync(await _portal.MemberIdAsync("刘纪平"), await _portal.MemberIdAsync("张国强"), "本单位的谈话（隔离测试）");
        async Task<int> First(string table) => int.Parse((await _portal.QueryAsync($"SELECT MIN(\"Id\") FROM {table} WHERE \"AgencyId\" = @a", ("a", demo))).Single());
        var risk = await First("int_risk");
        var warning = await First("int_warning");
        var inspection = await First("int_inspection");
        var item = await First("int_rectification");

        await _portal.CreateAgencyAsync("GLCS", "glcs", $"{Roles.AgencyAdmin},{Roles.DisciplineInspection},{Roles.Member}", "integrity");
        var other = await _portal.SignedInAsync("glcs");
        foreach (var url in new[]
        {
            $"/m/integrity/Talks/Details/{talk}", $"/m/integrity/Talks/Edit/{talk}", $"/m/integrity/api/talks/{talk}", $"/m/integrity/Risks/Edit/{risk}",
            $"/m/integrity/Warning/Details/{warning}", $"/m/integrity/Warning/Edit/{warning}", $"/m/integrity/Inspections/Details/{inspection}",
            $"/m/integrity/Inspections/Edit/{inspection}", $"/m/integrity/Rectifications/Details/{item}",
        })
        {
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var version = (await _portal.QueryAsync("SELECT \"Version\" FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single();
        var post = await other.PostFormAsync("/m/integrity/Risks", new Dictionary<string, string>
        {
            ["Input.Description"] = "被篡改", ["Input.Measures"] = "被篡改", ["Input.Level"] = "Low", ["Input.Version"] = version,
        }, $"/m/integrity/Risks/Edit/{risk}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.NotEqual("被篡改", (await _portal.QueryAsync("SELECT \"Description\" FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single());

        foreach (var url in new[] { "/m/integrity/api/talks", "/m/integrity/api/risks", "/m/integrity/api/rectifications" })
            Assert.Equal("[]", await other.GetStringAsync(url));
        var xlsx = await other.GetByteArrayAsync("/m/integrity/api/risks.xlsx");
        Assert.DoesNotContain(MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>(), r => r.Values.Contains("行政审批岗"));
        foreach (var url in new[] { "/m/integrity/Talks", "/m/integrity/Risks", "/m/integrity/Warning", "/m/integrity/Inspections", "/m/integrity/Rectifications?show=all" })
        {
            var html = await other.GetStringAsync(url);
            Assert.DoesNotContain("隔离测试", html);
            Assert.DoesNotContain("行政审批岗", html);
            Assert.DoesNotContain("参观市廉政教育基地", html);
            Assert.DoesNotContain("窗口服务指南未及时更新", html);
        }
    }
}

public sealed class FestivalCalendarTests
{
    [Theory]
    [InlineData(2026, "SpringFestival", "2026-02-17")]
    [InlineData(2026, "Qingming", "2026-04-05")]
    [InlineData(2026, "DragonBoat", "2026-06-19")]
    [InlineData(2026, "MidAutumn", "2026-09-25")]
    [InlineData(2027, "SpringFestival", "2027-02-06")]
    [InlineData(2027, "Qingming", "2027-04-05")]
    [InlineData(2027, "DragonBoat", "2027-06-09")]
    [InlineData(2027, "MidAutumn", "2027-09-15")]
    [InlineData(2025, "MidAutumn", "2025-10-06")] // a year with a leap sixth month
    [InlineData(2028, "Qingming", "2028-04-04")]
    [InlineData(2027, "NewYear", "2027-01-01")]
    [InlineData(2027, "MayDay", "2027-05-01")]
    [InlineData(2027, "NationalDay", "2027-10-01")]
    public void Default_dates_of_the_key_festivals(int year, string festival, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Modular.Modules.Integrity.Domain.FestivalCalendar.DefaultDate(Enum.Parse<Modular.Modules.Integrity.Domain.Festival>(festival), year));
}

/// <summary>
/// Two instances on one PostgreSQL database: while one runs the festival job of an agency, the other skips it (the
/// advisory lock), rather than running it beside it and leaning on the sent row's unique index.
/// </summary>
public sealed class IntegrityTwoInstanceTests
{
    [PostgreSqlFact]
    public async Task While_one_instance_runs_the_festival_job_the_other_skips_it_and_the_reminder_goes_out_once()
    {
        var workDir = PortalFactory.NewWorkDir();
        using var a = new PortalFactory(workDir, ["integrity"]);
        a.Settings["Modular:JobSeconds"] = "0";
        _ = a.Server; // migrates and seeds
        var demo = await a.DemoAgencyIdAsync();
        // One agency with the module on: each round is then one job run (or none).
        var others = await a.WithDbAsync(db => db.Agencies.Where(x => x.Id != demo).Select(x => x.Id).ToListAsync());
        await using (var scope = a.Services.CreateAsyncScope())
            foreach (var other in others)
                Assert.True(await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Modules.ModuleSwitchboard>().SetEnabledAsync(other, "integrity", false, default));
        using var b = new PortalFactory(workDir, [], copyPlugins: false);
        b.Settings["Modular:JobSeconds"] = "0";
        _ = b.Server;
        var day = new DateOnly(2027, 9, 13); // Mid-Autumn Festival 2027 is on 15 September

        // Hold instance A inside the job: the sent-row table is locked, so the job waits at its first look at it.
        await using var blocker = new Npgsql.NpgsqlConnection(a.ConnectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE int_festival_sent IN ACCESS EXCLUSIVE MODE", blocker, hold))
            await lockTable.ExecuteNonQueryAsync();
        var runA = a.RunJobsAsync(day);
        // Wait until A holds the job's advisory lock (it keeps it until the job ends).
        await using (var probe = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", blocker, hold))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((long)(await probe.ExecuteScalarAsync())! == 0)
            {
                Assert.False(runA.IsCompleted, "instance A finished without holding the job's lock");
                Assert.True(DateTime.UtcNow < deadline, "instance A never took the job's lock");
                await Task.Delay(50);
            }
        }
        // B finds the lock taken and skips the run at once; without the lock it would wait on the table beside A.
        var runB = b.RunJobsAsync(day);
        Assert.True(await Task.WhenAny(runB, Task.Delay(TimeSpan.FromSeconds(60))) == runB, "instance B ran the job beside A instead of skipping it");
        Assert.Equal(0, await runB);
        Assert.False(runA.IsCompleted);
        await hold.RollbackAsync();
        Assert.Equal(1, await runA);

        // Afterwards either instance runs it again (and sends nothing more).
        Assert.Equal(1, await b.RunJobsAsync(day));
        Assert.Equal(1, await a.RunJobsAsync(day));
        var members = await a.CountAsync("SELECT COUNT(*) FROM dir_member WHERE \"AgencyId\" = @a AND \"Status\" NOT IN (5, 8)", ("a", demo));
        Assert.Equal(members, await a.CountAsync("SELECT COUNT(*) FROM dir_notification WHERE \"AgencyId\" = @a AND \"Title\" = '节日廉洁提醒：中秋节'", ("a", demo)));
        Assert.Equal(1, await a.CountAsync("SELECT COUNT(*) FROM int_festival_sent WHERE \"AgencyId\" = @a AND \"Year\" = 2027", ("a", demo)));
    }
}

/// <summary>A risk point past its next review date, outside any round, is its owner's to-do until they review it.</summary>
public sealed class IntegrityOverdueReviewTests : IClassFixture<IntegrityOverdueReviewTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityOverdueReviewTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task An_overdue_review_is_a_to_do_of_its_owner_until_confirmed()
    {
        var owner = await _portal.MemberIdAsync("张国强");
        var risk = int.Parse((await _portal.QueryAsync("SELECT MIN(\"Id\") FROM int_risk WHERE \"OwnerMemberId\" = @m", ("m", owner))).Single());
        await _portal.ExecAsync("UPDATE int_risk SET \"NextReviewDate\" = @d WHERE \"Id\" = @id", ("d", Integrity.Today.AddDays(-3)), ("id", risk));
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        var version = (await _portal.QueryAsync("SELECT \"Version\" FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single();
        var confirm = await secretary.PostFormAsync($"/m/integrity/Risks/Edit/{risk}", new Dictionary<string, string> { ["Input.Version"] = version }, $"/m/integrity/Risks/Edit/{risk}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.DoesNotContain("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        Assert.Equal(Integrity.D(Integrity.Today.AddYears(1)), (await _portal.QueryAsync("SELECT CAST(\"NextReviewDate\" AS TEXT) FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single());
    }
}
