using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Modules.Volunteer.Domain;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Volunteer;

public sealed class VolunteerTests : IClassFixture<VolunteerTests.Portal>
{
    public sealed class Portal() : PortalFactory("volunteer");

    private readonly Portal _portal;
    public VolunteerTests(Portal portal) => _portal = portal;

    private DateTime Tomorrow9 => _portal.LocalNow.Date.AddDays(1).AddHours(9);

    [Fact]
    public async Task Demo_data_gives_partners_a_year_of_activities_and_hours()
    {
        var office = await _portal.SignedInAsync("office");
        var partners = await office.GetStringAsync("/m/volunteer/Partners");
        // The kinds in the list's rows (the kind filter offers both names always).
        var kinds = Html.Rows(partners).Select(r => r["类型"]).ToList();
        Assert.Contains("结对社区", kinds);
        Assert.Contains("帮扶联系村", kinds);
        var past = await office.GetStringAsync("/m/volunteer?show=past");
        Assert.Contains(Html.Rows(past, "[data-testid=activities]"), r => r["状态"] == "已结束"); // a row's status, not the filter's option
        var stats = await office.GetStringAsync($"/m/volunteer/Stats?year={_portal.Today.Year}");
        Assert.Contains("<svg", stats);
        Assert.Matches("data-testid=\"total-hours\">[1-9]", stats);
        Assert.Matches("^\\d+$", Html.Metric(await office.GetStringAsync("/"), "志愿服务", "可报名活动"));
        // The same seed gives the same data: counts are stable for the agency.
        var count = await _portal.ActivityCountAsync();
        Assert.True(count >= 24, count.ToString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_Chinese_messages_next_to_the_fields_and_nothing_saved()
    {
        var office = await _portal.SignedInAsync("office");
        var organizer = await _portal.MemberIdAsync("王建华");
        var before = await _portal.ActivityCountAsync();
        var form = Volunteer.Form(organizer, Tomorrow9, title: "坏数据测试活动", capacity: 0, end: Tomorrow9.AddHours(-1), deadline: Tomorrow9.AddHours(1));
        var response = await office.PostFormAsync("/m/volunteer/Activities/Edit", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.EndsAt\"[^>]*>结束时间须晚于开始时间。", html);
        Assert.Matches("data-valmsg-for=\"Input.Capacity\"[^>]*>名额须为 1 至 1000 人。", html);
        Assert.Matches("data-valmsg-for=\"Input.SignUpDeadline\"[^>]*>报名截止时间不能晚于活动开始时间。", html);
        Assert.Contains("坏数据测试活动", html); // the input is kept
        form["Input.Capacity"] = "很多";
        form["Input.StartsAt"] = "明天";
        html = await (await office.PostFormAsync("/m/volunteer/Activities/Edit", form)).Content.ReadAsStringAsync();
        Assert.Contains("名额须为 1 至 1000 人。", html);
        Assert.Contains("请输入开始时间。", html);
        Assert.Equal(before, await _portal.ActivityCountAsync());
    }

    [Fact]
    public async Task A_member_signs_up_is_checked_in_and_out_and_sees_the_hours()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var memberId = await _portal.MemberIdAsync("李晓梅");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "延时服务签到测试"));

        Assert.Contains("报名成功。", await member.MessageAsync(await member.ActAsync(id, "SignUp")));
        Assert.Contains("延时服务签到测试", await member.GetStringAsync("/Todo"));
        Assert.Contains("您已报名。", await member.MessageAsync(await member.ActAsync(id, "SignUp")));

        // The morning of the activity: the organiser taps in, and two hours later taps out.
        var now = _portal.LocalNow;
        await _portal.MoveActivityAsync(id, now.AddHours(-2), now.AddHours(1), now.AddHours(-3));
        Assert.Contains("李晓梅 已签到。", await office.MessageAsync(await office.ActAsync(id, "Tap", new() { ["memberId"] = memberId.ToString() })));
        await _portal.SetCheckedInAtAsync(id, now.AddHours(-2));
        Assert.Contains("李晓梅 已签退。", await office.MessageAsync(await office.ActAsync(id, "Tap", new() { ["memberId"] = memberId.ToString() })));
        Assert.Equal(2.0m, await _portal.HoursAsync(id));

        string HoursOnRecord(string html) => Html.Rows(html, "[data-testid=record-lines]").Single(r => r["活动"] == "延时服务签到测试")["时长（小时）"];
        var record = await member.GetStringAsync("/m/volunteer/Record");
        Assert.Equal("2.0", HoursOnRecord(record));
        var certificate = await member.GetStringAsync($"/m/volunteer/Record/Certificate?year={now.AddHours(-2).Year}");
        Assert.Contains("志愿服务时长证明", certificate);
        Assert.Contains("李晓梅", certificate);

        // Adjusted by the organiser, with a reason, audited.
        // Refused in place: the message next to that person's reason, the typed hours kept, nothing changed.
        var bad = await office.ActAsync(id, "Adjust", new() { ["memberId"] = memberId.ToString(), ["hours"] = "3", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var refused = Html.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写调整原因。", refused.QuerySelector($"[data-valmsg-for=reason-{memberId}]")!.TextContent);
        Assert.Equal("3", refused.QuerySelector($"#hours-{memberId}")!.GetAttribute("value"));
        Assert.Empty(await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "volunteer.hours-adjusted" && e.Target == $"Activity#{id}/Member#{memberId}").ToListAsync()));
        var good = await office.MessageAsync(await office.ActAsync(id, "Adjust", new() { ["memberId"] = memberId.ToString(), ["hours"] = "3.5", ["reason"] = "活动结束后协助整理场地" }));
        Assert.Contains("已调整 李晓梅 的服务时长。", good);
        Assert.StartsWith("3.5", HoursOnRecord(await member.GetStringAsync("/m/volunteer/Record"))); // with the reason below
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "volunteer.hours-adjusted").Select(e => e.Details).ToListAsync());
        Assert.Contains(audit, d => d != null && d.Contains("活动结束后协助整理场地") && d.Contains("2"));

        // Finishing is offered now that it has started.
        Assert.Contains("活动已结束", await office.MessageAsync(await office.ActAsync(id, "Finish")));
    }

    [Fact]
    public async Task Sign_up_after_the_deadline_is_refused_and_the_organiser_may_still_add()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "截止后报名测试"));
        var now = _portal.LocalNow;
        await _portal.MoveActivityAsync(id, now.AddHours(2), now.AddHours(4), now.AddMinutes(-1));
        Assert.Contains("此活动已停止报名。", await member.MessageAsync(await member.ActAsync(id, "SignUp")));
        var api = await member.PostAsync($"/m/volunteer/api/activities/{id}/signup", null);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var memberId = await _portal.MemberIdAsync("李晓梅");
        Assert.Contains("已添加 李晓梅。", await office.MessageAsync(await office.ActAsync(id, "Add", new() { ["memberId"] = memberId.ToString() })));
        Assert.Contains("报名已截止，如不能参加请联系组织人。", await member.MessageAsync(await member.ActAsync(id, "Withdraw")));
        Assert.Equal(SignUpStatus.Accepted, await _portal.SignUpStatusAsync(id, memberId));
    }

    [Fact]
    public async Task A_freed_place_goes_to_the_first_waiting_who_is_told()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var memberId = await _portal.MemberIdAsync("李晓梅");
        var others = (await _portal.MemberIdsAsync(5)).Where(m => m != memberId).Take(3).ToList();
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "候补递补测试", capacity: 1));
        foreach (var m in others)
            await office.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = m });
        Assert.Contains("您是候补第 3 位", await member.MessageAsync(await member.ActAsync(id, "SignUp")));
        // The one holding the place is removed: the first waiting takes it, then the next.
        await office.ActAsync(id, "Remove", new() { ["memberId"] = others[0].ToString() });
        Assert.Equal(SignUpStatus.Accepted, await _portal.SignUpStatusAsync(id, others[1]));
        Assert.Equal(SignUpStatus.Waiting, await _portal.SignUpStatusAsync(id, others[2]));
        await office.ActAsync(id, "Remove", new() { ["memberId"] = others[1].ToString() });
        await office.ActAsync(id, "Remove", new() { ["memberId"] = others[2].ToString() });
        Assert.Equal(SignUpStatus.Accepted, await _portal.SignUpStatusAsync(id, memberId));
        // Told once, in 消息 (and only the one who got the place).
        var inbox = await member.GetStringAsync("/Notifications");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(inbox, "候补转为正式报名：候补递补测试"));

        // Raising the number of places lets the waiting list in, in order.
        var waiting = (await _portal.MemberIdsAsync(8)).Where(m => m != memberId && !others.Contains(m)).Take(2).ToList();
        foreach (var m in waiting) await office.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = m });
        Assert.Equal(SignUpStatus.Waiting, await _portal.SignUpStatusAsync(id, waiting[0]));
        var edit = await office.GetStringAsync($"/m/volunteer/Activities/Edit?id={id}");
        var version = Regex.Match(edit, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var form = Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "候补递补测试", capacity: 2);
        form["Input.Version"] = version;
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/volunteer/Activities/Edit?id={id}", form)).StatusCode);
        Assert.Equal(SignUpStatus.Accepted, await _portal.SignUpStatusAsync(id, waiting[0]));
        Assert.Equal(SignUpStatus.Waiting, await _portal.SignUpStatusAsync(id, waiting[1]));
        // A stale form (the version it was read at) is refused.
        form["Input.Capacity"] = "3";
        var stale = await office.PostFormAsync($"/m/volunteer/Activities/Edit?id={id}", form);
        Assert.Contains("其他人修改了这条记录", await stale.Content.ReadAsStringAsync());
        form["Input.Capacity"] = "1";
        form["Input.Version"] = Regex.Match(await office.GetStringAsync($"/m/volunteer/Activities/Edit?id={id}"), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Contains("已有 2 人报名，名额不能少于 2 人。", await (await office.PostFormAsync($"/m/volunteer/Activities/Edit?id={id}", form)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cancelling_an_activity_tells_everyone_signed_up()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "取消通知测试"));
        await member.ActAsync(id, "SignUp");
        var refused = await office.ActAsync(id, "CancelActivity", new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写取消原因", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=reason]")!.TextContent);
        Assert.Contains("已通知所有报名的人", await office.MessageAsync(await office.ActAsync(id, "CancelActivity", new() { ["reason"] = "暴雨预警" })));
        var inbox = await member.GetStringAsync("/Notifications");
        Assert.Contains("活动已取消：取消通知测试", inbox);
        Assert.Contains("暴雨预警", inbox);
        Assert.Contains("此活动已取消。", await member.GetStringAsync(Volunteer.Details(id)));
    }

    [Fact]
    public async Task Members_check_in_and_out_by_scanning_a_short_lived_signed_code()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "扫码签到测试"));
        await member.ActAsync(id, "SignUp");
        var qr = await office.GetStringAsync($"/m/volunteer/Activities/Qr/{id}");
        Assert.Contains("data:image/png;base64,", qr);
        var link = WebUtility.HtmlDecode(Regex.Match(qr, "data-link=\"([^\"]+)\"").Groups[1].Value);
        var path = new Uri(link).PathAndQuery;
        var page = await member.GetStringAsync(path);
        Assert.Contains("扫码签到测试", page);
        var token = Uri.UnescapeDataString(path[(path.IndexOf("t=") + 2)..]);
        var response = await member.PostFormAsync(path, new Dictionary<string, string> { ["t"] = token });
        Assert.Contains("签到成功", await response.Content.ReadAsStringAsync());
        response = await member.PostFormAsync(path, new Dictionary<string, string> { ["t"] = token });
        Assert.Contains("签退成功", await response.Content.ReadAsStringAsync());
        Assert.True(await _portal.CheckedOutAsync(id));

        // A forged or altered token is refused.
        var forged = await member.GetStringAsync("/m/volunteer/CheckIn?t=" + Uri.EscapeDataString(token[..^4] + "AAAA"));
        Assert.Contains("二维码已过期或无效", forged);
        // Someone without a place cannot check in with a valid code.
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("您没有此活动的名额", await secretary.GetStringAsync(path));
    }

    [Fact]
    public async Task Members_cannot_run_activities_or_partners()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var memberId = await _portal.MemberIdAsync("李晓梅");
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), Tomorrow9, title: "权限测试活动"), publish: false);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Volunteer.Details(id))).StatusCode); // a draft
        await office.ActAsync(id, "Publish");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Volunteer.Details(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/m/volunteer/Activities/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/volunteer/Activities/Edit?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/volunteer/Activities/Qr/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.ActAsync(id, "Tap", new() { ["memberId"] = memberId.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.ActAsync(id, "CancelActivity", new() { ["reason"] = "想取消" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/m/volunteer/Partners/Edit")).StatusCode);
        Assert.DoesNotContain("新增结对单位", await member.GetStringAsync("/m/volunteer/Partners"));
        Assert.Contains("统计供机关党委和支部委员会使用", await member.GetStringAsync("/m/volunteer/Stats"));
        // Another member's record is not theirs to read; the office may.
        var other = await _portal.MemberIdAsync("张国强");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/volunteer/Record?member={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/m/volunteer/Record?member={other}")).StatusCode);
        // The branch secretary organises for their branch.
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/m/volunteer/Activities/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/volunteer/Activities/Qr/{id}")).StatusCode);
    }

    [Fact]
    public async Task Rankings_appear_only_when_the_agency_turns_them_on()
    {
        var office = await _portal.SignedInAsync("office");
        var year = _portal.Today.Year;
        Assert.DoesNotContain("data-testid=\"ranking\"", await office.GetStringAsync($"/m/volunteer/Stats?year={year}"));
        var settings = await office.GetStringAsync("/Agency/ModuleSettings/volunteer");
        var version = Regex.Match(settings, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await office.PostFormAsync("/Agency/ModuleSettings/volunteer", new Dictionary<string, string> { ["values[rankings]"] = "true", ["values[qrMinutes]"] = "3", ["version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stats = await office.GetStringAsync($"/m/volunteer/Stats?year={year}");
        Assert.Contains("data-testid=\"ranking\"", stats);
        Assert.Contains("服务时长排行", stats);
    }

    [Fact]
    public async Task Partners_keep_contacts_masked_for_members_and_a_co_building_log()
    {
        var office = await _portal.SignedInAsync("office");
        var form = new Dictionary<string, string> { ["Input.Kind"] = "PairedCommunity", ["Input.Name"] = "", ["Input.Version"] = "0", ["Input.Active"] = "true" };
        var bad = await office.PostFormAsync("/m/volunteer/Partners/Edit", form);
        Assert.Contains("请输入结对单位名称。", await bad.Content.ReadAsStringAsync());
        form["Input.Name"] = "测试结对社区";
        form["Input.PairedSince"] = "2024-03-05";
        var created = await office.PostFormAsync("/m/volunteer/Partners/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = int.Parse(Regex.Match(url, @"Details/(\d+)").Groups[1].Value);
        var act = $"/m/volunteer/Partners/Details/{id}";
        // Refused, the page comes back with the message next to the phone and what was typed kept; nothing is saved.
        var badPhone = await office.PostFormAsync(act, new Dictionary<string, string> { ["name"] = "赵书记", ["title"] = "党委书记", ["phone"] = "abc" }, act + "?handler=Contact");
        Assert.Equal(HttpStatusCode.OK, badPhone.StatusCode);
        var refused = Html.Parse(await badPhone.Content.ReadAsStringAsync());
        Assert.Contains("请输入以 1 开头的 11 位手机号码", refused.QuerySelector("[data-valmsg-for=phone]")!.TextContent);
        Assert.Equal("赵书记", refused.QuerySelector("#contact-name")!.GetAttribute("value"));
        Assert.Equal("党委书记", refused.QuerySelector("#contact-title")!.GetAttribute("value"));
        Assert.Equal("abc", refused.QuerySelector("#contact-phone")!.GetAttribute("value"));
        Assert.Empty(refused.QuerySelectorAll("table tbody tr"));
        Assert.Contains("已添加联系人。", await office.MessageAsync(await office.PostFormAsync(act, new Dictionary<string, string> { ["name"] = "赵书记", ["title"] = "党委书记", ["phone"] = "13812341027" }, act + "?handler=Contact")));
        Assert.Contains("13812341027", await office.GetStringAsync(act));
        var member = await _portal.SignedInAsync("member");
        var seen = await member.GetStringAsync(act);
        Assert.Contains("138****1027", seen);
        Assert.DoesNotContain("13812341027", seen);
        var future = _portal.LocalNow.AddDays(3).ToString("yyyy-MM-dd");
        var badLog = await office.PostFormAsync(act, new Dictionary<string, string> { ["date"] = future, ["title"] = "联席会议", ["content"] = "会议纪要" }, act + "?handler=Log");
        Assert.Equal(HttpStatusCode.OK, badLog.StatusCode);
        refused = Html.Parse(await badLog.Content.ReadAsStringAsync());
        Assert.Contains("日期不能晚于今天", refused.QuerySelector("[data-valmsg-for=date]")!.TextContent);
        Assert.Equal(future, refused.QuerySelector("#log-date")!.GetAttribute("value"));
        Assert.Equal("联席会议", refused.QuerySelector("#log-title")!.GetAttribute("value"));
        Assert.Equal("会议纪要", refused.QuerySelector("#log-content")!.TextContent);
        Assert.DoesNotContain(refused.QuerySelectorAll(".partner-log li"), li => li.TextContent.Contains("联席会议"));
        Assert.Contains("已记入共建记录。", await office.MessageAsync(await office.PostFormAsync(act, new Dictionary<string, string> { ["date"] = "2026-01-10", ["title"] = "党建联建联席会议" }, act + "?handler=Log")));
        Assert.Contains("党建联建联席会议", await member.GetStringAsync(act));
        // The breadcrumb goes through the partners' list: 首页 / 志愿服务 / 结对共建 / partner.
        var crumbs = Html.Parse(await office.GetStringAsync(act)).QuerySelectorAll(".breadcrumb-item").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(new[] { "志愿服务", "结对共建", "测试结对社区" }, crumbs.Skip(1));
        Assert.Contains(Html.Parse(await office.GetStringAsync(act)).QuerySelectorAll(".breadcrumb-item a"), a => a.TextContent == "结对共建" && a.GetAttribute("href") == "/m/volunteer/Partners");
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync(act, new Dictionary<string, string> { ["name"] = "钱主任" }, act + "?handler=Contact")).StatusCode);
    }

    [Fact]
    public async Task The_record_and_its_certificate_have_breadcrumbs_through_the_module_and_the_record()
    {
        var member = await _portal.SignedInAsync("member");
        async Task<List<(string Text, string? Href)>> CrumbsAsync(string url) =>
            Html.Parse(await member.GetStringAsync(url)).QuerySelectorAll(".breadcrumb-item")
                .Select(c => (c.TextContent.Trim(), c.QuerySelector("a")?.GetAttribute("href"))).Skip(1).ToList();
        Assert.Equal([("志愿服务", null)], await CrumbsAsync("/m/volunteer"));
        Assert.Equal([("志愿服务", "/m/volunteer"), ("我的志愿服务", null)], await CrumbsAsync("/m/volunteer/Record"));
        Assert.Equal([("志愿服务", "/m/volunteer"), ("我的志愿服务", "/m/volunteer/Record"), ("志愿服务时长证明", null)],
            await CrumbsAsync($"/m/volunteer/Record/Certificate?year={_portal.Today.Year}"));
    }
}
