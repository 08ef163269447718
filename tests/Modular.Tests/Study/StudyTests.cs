using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Jobs;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Study;

/// <summary>A test taken as a member takes it: started, answered one by one, reloaded, submitted and graded; the office's view and export.</summary>
public sealed class StudyTests : IClassFixture<StudyTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("study", "integrity", "org-life") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public StudyTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task A_member_answers_reloads_finds_the_answers_kept_submits_and_is_graded_at_once()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var test = await _portal.OpenTestAsync(demo);
        var member = await _portal.SignedInAsync("member");
        Assert.Contains("开始答题", await member.GetStringAsync($"/m/study/Take/{test}"));
        await member.StartAsync(test);
        var questions = await member.QuestionsAsync(test);
        Assert.Equal(20, questions.Count);
        // Three answers, one changed afterwards; and one that is no answer of its question.
        var choice = questions.First(q => q.Values.Count >= 3);
        Assert.Equal(HttpStatusCode.OK, (await member.SaveAsync(test, choice.Question, choice.Values[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.SaveAsync(test, choice.Question, choice.Values[1])).StatusCode);
        var others = questions.Where(q => q.Question != choice.Question).Take(2).ToList();
        foreach (var q in others) Assert.Equal(HttpStatusCode.OK, (await member.SaveAsync(test, q.Question, q.Values[0].Length > 0 ? q.Values[0] : "纪律")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.SaveAsync(test, choice.Question, "Z")).StatusCode);
        // Another test's question is not one of this test's.
        Assert.Equal(HttpStatusCode.NotFound, (await member.SaveAsync(test, 999999, "A")).StatusCode);

        // A reload (a new page, as after a dropped connection) shows the same order and the answers kept.
        // A fill-in's one input carries the answer given, so only its place is compared; the choices' order must hold.
        var fillIns = questions.Where(q => q.Values is [""]).Select(q => q.Question).ToHashSet();
        string Shown(List<(int Question, List<string> Values)> list) =>
            string.Join(";", list.Select(q => q.Question + ":" + (fillIns.Contains(q.Question) ? "" : string.Join(",", q.Values))));
        var reloaded = await member.QuestionsAsync(test);
        Assert.Equal(Shown(questions), Shown(reloaded));
        foreach (var q in others.Where(q => fillIns.Contains(q.Question)))
            Assert.Equal(["纪律"], reloaded.Single(r => r.Question == q.Question).Values);
        var attempt = await member.GetStringAsync($"/m/study/api/tests/{test}/attempt");
        Assert.Contains($"\"questionId\":{choice.Question},\"value\":\"{choice.Values[1]}\"", attempt);
        Assert.Equal(3, await _portal.IntAsync("SELECT COUNT(*) FROM stu_answer a JOIN stu_attempt t ON t.\"Id\" = a.\"AttemptId\" WHERE t.\"TestId\" = @t", ("t", test)));

        var submit = await member.PostFormAsync($"/m/study/Take/{test}", new Dictionary<string, string>(), $"/m/study/Take/{test}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var result = await member.GetStringAsync($"/m/study/Result/{test}");
        Assert.Contains("共 20 题，答对", result);
        Assert.Contains("闭卷：答题期间未离开页面。", result);
        // The window is open still: the right answers wait, and nothing more is taken.
        Assert.Contains("测试结束", result);
        Assert.Equal(HttpStatusCode.Conflict, (await member.SaveAsync(test, choice.Question, choice.Values[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/m/study/Take/{test}")).StatusCode);

        // The office sees who took it and exports the results.
        var office = await _portal.SignedInAsync("office");
        var details = await office.GetStringAsync($"/m/study/Tests/Details/{test}?show=taken");
        Assert.Contains("李晓梅", details);
        var xlsx = await office.GetByteArrayAsync($"/m/study/Tests/Details/{test}?handler=Export");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r["姓名"], "李晓梅") && Equals(r["状态"], "已交卷"));
        Assert.Contains(rows, r => Equals(r["状态"], "未参加"));
        // No places by default (anti-formalism).
        Assert.False(rows[0].ContainsKey("名次"));
    }

    [Fact]
    public async Task Integrity_shows_the_knowledge_test_while_study_is_on_and_not_in_an_agency_without_study()
    {
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/m/integrity");
        Assert.Contains("data-testid=\"knowledge-tests\"", page);
        Assert.Contains("《党员必须牢记的100条党规党纪》知识测试", page);
        await _portal.CreateAgencyAsync("LZJY", "lzjy", $"{Roles.AgencyAdmin},{Roles.Member}", "integrity");
        var other = await _portal.SignedInAsync("lzjy");
        var without = await other.GetStringAsync("/m/integrity");
        Assert.Contains("警示教育", without);
        Assert.DoesNotContain("knowledge-tests", without);
    }

    [Fact]
    public async Task The_question_bank_imports_nothing_unless_every_row_is_valid()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var office = await _portal.SignedInAsync("office");
        var before = await _portal.IntAsync("SELECT COUNT(*) FROM stu_question WHERE \"AgencyId\" = @a", ("a", demo));
        var template = await office.GetByteArrayAsync("/m/study/Questions/Import?handler=Template");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r)).ToList();
        Assert.Equal(4, rows.Count);
        var bad = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        bad[1]["答案"] = "AZ";
        var refused = await UploadAsync(office, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<td>3</td><td>答案</td>", html);
        Assert.Equal(before, await _portal.IntAsync("SELECT COUNT(*) FROM stu_question WHERE \"AgencyId\" = @a", ("a", demo)));
        var ok = await UploadAsync(office, rows);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(before + 4, await _portal.IntAsync("SELECT COUNT(*) FROM stu_question WHERE \"AgencyId\" = @a", ("a", demo)));
        var export = await office.GetByteArrayAsync("/m/study/api/questions.xlsx");
        Assert.Equal(before + 4, MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Count());
    }

    [Fact]
    public async Task A_session_is_recorded_against_the_plan_or_links_an_org_life_meeting_instead()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var plan = await _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_plan WHERE \"AgencyId\" = @a AND \"Owner\" = 0", ("a", demo));
        var office = await _portal.SignedInAsync("office");
        var form = $"/m/study/Sessions/Edit?plan={plan}";
        var page = await office.GetStringAsync(form);
        Assert.Contains("data-testid=\"meeting-picker\"", page);
        var meeting = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"(\\d+)\">\\d{4}-").Groups[1].Value;
        Assert.NotEqual("", meeting);
        Dictionary<string, string> Fields(string date, string topic, string meetingId) => new()
        {
            ["plan"] = plan.ToString(), ["Input.Date"] = date, ["Input.Topic"] = topic, ["Input.Speaker"] = "党组书记", ["Input.MeetingShown"] = "true",
            ["Input.MeetingId"] = meetingId, ["Input.Version"] = "0",
        };
        // A date ahead is refused next to the field, in Chinese, and nothing is saved.
        var before = await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"PlanId\" = @p", ("p", plan));
        var future = await office.PostFormAsync(form, Fields(_portal.Today.AddDays(3).ToString("yyyy-MM-dd"), "专题学习", ""));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("学习结束后再记录", await future.Content.ReadAsStringAsync());
        Assert.Equal(before, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"PlanId\" = @p", ("p", plan)));
        // Held as an org-life meeting: no date typed, the meeting's is used and the link kept.
        var linked = await office.PostFormAsync(form, Fields("", "", meeting));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"PlanId\" = @p AND \"LinkedKind\" = 'org-life.meeting' AND \"LinkedId\" = @m", ("p", plan), ("m", meeting)));
        Assert.Contains("以会议形式开展", await office.GetStringAsync($"/m/study/Plans/Details/{plan}"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        var token = await client.TokenAsync("/m/study/Questions/Import");
        using var sheet = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(sheet, rows);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(sheet.ToArray());
        form.Add(file, "Upload", "questions.xlsx");
        return await client.PostAsync("/m/study/Questions/Import", form);
    }
}

/// <summary>The end of time: an attempt left open is submitted on the next request and by the scheduled job, as it stood.</summary>
public sealed class StudyTimeUpTests : IClassFixture<StudyTimeUpTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("study") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public StudyTimeUpTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Time_up_submits_on_the_next_request_and_by_the_job()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var test = await _portal.OpenTestAsync(demo);
        var member = await _portal.SignedInAsync("member");
        var secretary = await _portal.SignedInAsync("secretary");
        await member.StartAsync(test);
        await secretary.StartAsync(test);
        var q = (await member.QuestionsAsync(test))[0];
        Assert.Equal(HttpStatusCode.OK, (await member.SaveAsync(test, q.Question, q.Values[0].Length > 0 ? q.Values[0] : "纪律")).StatusCode);

        // Half an hour on, in two steps (a session left idle for 30 minutes is signed out).
        _portal.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Contains("剩余时间", await member.GetStringAsync($"/m/study/Take/{test}"));
        _portal.Clock.Advance(TimeSpan.FromMinutes(11));
        // The member comes back: the page goes to the result, submitted at the end of time with the answer kept.
        var back = await member.GetAsync($"/m/study/Take/{test}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("/Result/", back.Headers.Location!.ToString());
        Assert.Contains("到时自动交卷", await member.GetStringAsync($"/m/study/Result/{test}"));
        // The secretary never comes back: the job submits.
        var open = "SELECT COUNT(*) FROM stu_attempt WHERE \"TestId\" = @t AND \"SubmittedAt\" IS NULL";
        Assert.Equal(1, await _portal.IntAsync(open, ("t", test)));
        await _portal.Services.GetRequiredService<ScheduledJobRunner>().RunOnceAsync(_portal.Clock.GetUtcNow());
        Assert.Equal(0, await _portal.IntAsync(open, ("t", test)));
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM stu_answer a JOIN stu_attempt t ON t.\"Id\" = a.\"AttemptId\" WHERE t.\"TestId\" = @t", ("t", test)));

        // Once the window has closed, the result shows the right answers.
        Assert.DoesNotContain("data-testid=\"answers\"", await member.GetStringAsync($"/m/study/Result/{test}"));
        _portal.Clock.Advance(TimeSpan.FromDays(26));
        var later = await _portal.SignedInAsync("member");
        var closed = await later.GetStringAsync($"/m/study/Result/{test}");
        Assert.Contains("正确答案", closed);
        Assert.Contains("data-testid=\"answers\"", closed);
    }
}

/// <summary>Another agency's people see nothing of this agency's tests, questions, plans and sessions, on any page or API, even as its office.</summary>
public sealed class StudyIsolationTests : IClassFixture<StudyIsolationTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("study") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public StudyIsolationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Ids_of_another_agency_answer_404_and_lists_hold_only_the_own_agency()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var test = await _portal.OpenTestAsync(demo);
        var question = await _portal.FirstOfAgencyAsync("stu_question", demo);
        var plan = await _portal.FirstOfAgencyAsync("stu_plan", demo);
        var session = await _portal.FirstOfAgencyAsync("stu_session", demo);
        var testQuestion = await _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_test_question WHERE \"TestId\" = @t", ("t", test));

        await _portal.CreateAgencyAsync("XXCS", "xxcs", $"{Roles.AgencyAdmin},{Roles.Member}", "study");
        var other = await _portal.SignedInAsync("xxcs");
        foreach (var url in new[]
        {
            $"/m/study/Take/{test}", $"/m/study/Result/{test}", $"/m/study/Tests/Details/{test}", $"/m/study/Tests/Details/{test}?handler=Export",
            $"/m/study/api/tests/{test}/results", $"/m/study/api/tests/{test}/results.xlsx", $"/m/study/api/tests/{test}/attempt",
            $"/m/study/Questions/Edit/{question}", $"/m/study/Plans/Details/{plan}", $"/m/study/Plans/Edit/{plan}", $"/m/study/Sessions/Edit/{session}",
            $"/m/study/Sessions/Edit?plan={plan}",
        })
        {
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        // Posting to another agency's test, question or plan changes nothing.
        var start = await other.PostFormAsync("/m/study", new Dictionary<string, string>(), $"/m/study/Take/{test}?handler=Start");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SaveAsync(test, testQuestion, "A")).StatusCode);
        var edit = await other.PostFormAsync("/m/study/Questions/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "TrueFalse", ["Input.Category"] = "篡改", ["Input.Difficulty"] = "Easy", ["Input.Text"] = "被篡改", ["Input.Answer"] = "对", ["Input.Version"] = "1",
        }, $"/m/study/Questions/Edit/{question}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_question WHERE \"Text\" = '被篡改'"));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_attempt WHERE \"TestId\" = @t", ("t", test)));

        Assert.Equal("[]", await other.GetStringAsync("/m/study/api/tests"));
        foreach (var url in new[] { "/m/study", "/m/study/Questions", "/m/study/Tests", "/m/study/Plans" })
        {
            var html = await other.GetStringAsync(url);
            Assert.DoesNotContain("党的最高领导机关是", html);
            Assert.DoesNotContain("应知应会知识测试", html);
            Assert.DoesNotContain("理论学习中心组学习计划", html);
        }
        var export = await other.GetByteArrayAsync("/m/study/api/questions.xlsx");
        Assert.DoesNotContain(MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => r.Values.Contains("党的最高领导机关是？"));
    }
}
