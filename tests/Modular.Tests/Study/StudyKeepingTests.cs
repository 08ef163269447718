using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Study;

/// <summary>
/// Keeping the module's records: a session's material files (checked, scoped to the agency), editing and deleting tests,
/// plans and sessions with the rules users expect, and branch plans kept by their own branch's secretary.
/// </summary>
public sealed class StudyKeepingTests : IClassFixture<StudyKeepingTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("study") => Settings["Modular:JobSeconds"] = "0";
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly Portal _portal;
    public StudyKeepingTests(Portal portal) => _portal = portal;

    private Task<int> CentralPlanAsync(int agency) =>
        _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_plan WHERE \"AgencyId\" = @a AND \"Owner\" = 0", ("a", agency));

    /// <summary>Posts the session form with files, as the browser does (multipart).</summary>
    private static async Task<HttpResponseMessage> PostSessionAsync(HttpClient client, string url, int plan, string date, string topic, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenAsync(url)), "__RequestVerificationToken" }, { new StringContent(plan.ToString()), "plan" },
            { new StringContent(date), "Input.Date" }, { new StringContent(topic), "Input.Topic" }, { new StringContent("0"), "Input.Version" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "Materials", name);
        }
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task A_session_keeps_its_material_files_checked_and_another_agency_finds_none()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var plan = await CentralPlanAsync(demo);
        var office = await _portal.SignedInAsync("office");
        var url = $"/m/study/Sessions/Edit?plan={plan}";
        var date = _portal.Today.AddDays(-1).ToString("yyyy-MM-dd");
        var sessions = "SELECT COUNT(*) FROM stu_session WHERE \"PlanId\" = @p";
        var before = await _portal.IntAsync(sessions, ("p", plan));

        // A file that is not what its name says is refused by the field, in Chinese, and nothing is saved (not the session either).
        var refused = await PostSessionAsync(office, url, plan, date, "材料测试学习", ("讲稿.png", "not a picture"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不是允许的类型", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await _portal.IntAsync(sessions, ("p", plan)));

        var saved = await PostSessionAsync(office, url, plan, date, "材料测试学习", ("讲稿.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var session = await _portal.IntAsync("SELECT MAX(\"Id\") FROM stu_session WHERE \"PlanId\" = @p AND \"Topic\" = '材料测试学习'", ("p", plan));
        var details = await office.GetStringAsync($"/m/study/Plans/Details/{plan}");
        var link = Regex.Match(details, $@"/m/study/api/sessions/{session}/materials/(\d+)");
        Assert.True(link.Success, "the plan lists the session's file");
        var member = await _portal.SignedInAsync("member");
        Assert.Equal(Png, await member.GetByteArrayAsync(link.Value));
        // The file is found only through its own session.
        var otherSession = await _portal.FirstOfAgencyAsync("stu_session", demo);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/study/api/sessions/{otherSession}/materials/{link.Groups[1].Value}")).StatusCode);

        // Another agency's office: no file, no session page, no removal.
        await _portal.CreateAgencyAsync("XXCL", "xxcl", $"{Roles.AgencyAdmin},{Roles.Member}", "study");
        var other = await _portal.SignedInAsync("xxcl");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link.Value)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/study/Sessions/Edit/{session}")).StatusCode);
        var removeUrl = $"/m/study/Sessions/Edit/{session}?handler=RemoveMaterial&file={link.Groups[1].Value}";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/m/study/Plans", new Dictionary<string, string>(), removeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/m/study/Plans", new Dictionary<string, string>(), $"/m/study/Sessions/Edit/{session}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(link.Value)).StatusCode);

        // The office removes the file, then deletes the session (the page asks first): its attendance goes with it.
        Assert.Contains("data-confirm", await office.GetStringAsync($"/m/study/Sessions/Edit/{session}"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/study/Sessions/Edit/{session}", new Dictionary<string, string>(), removeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(link.Value)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/study/Sessions/Edit/{session}", new Dictionary<string, string>(), $"/m/study/Sessions/Edit/{session}?handler=Delete")).StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"Id\" = @s", ("s", session)));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session_attendee WHERE \"SessionId\" = @s", ("s", session)));
    }

    private static Dictionary<string, string> TestFields(string title, DateTime opens, DateTime closes, int duration = 30) => new()
    {
        ["Input.Title"] = title, ["Input.Opens"] = opens.ToString("yyyy-MM-ddTHH:mm"), ["Input.Closes"] = closes.ToString("yyyy-MM-ddTHH:mm"),
        ["Input.DurationMinutes"] = duration.ToString(), ["Input.PassMark"] = "60", ["Input.Selection"] = "Random", ["Input.Draws[0].Count"] = "5",
        ["Input.WholeAgency"] = "true", ["Input.Version"] = "0",
    };

    /// <summary>The messages by the fields of a page shown again, for a failing assertion.</summary>
    private static string Errors(string html) =>
        string.Join(" | ", Regex.Matches(html, "field-validation-error[^>]*>([^<]+)<").Select(m => m.Groups[1].Value));

    [Fact]
    public async Task A_test_nobody_started_is_edited_or_deleted_and_a_started_one_keeps_its_questions_and_is_only_closed()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var office = await _portal.SignedInAsync("office");
        var now = _portal.LocalNow;
        var made = await office.PostFormAsync("/m/study/Tests/Edit", TestFields("删除用测试", now.AddDays(1), now.AddDays(2)));
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, Errors(await made.Content.ReadAsStringAsync()));
        var fresh = await _portal.IntAsync("SELECT MAX(\"Id\") FROM stu_test WHERE \"Title\" = '删除用测试'");
        // Nobody started: its duration changes, then it is deleted (the page asks first).
        var stamp = Regex.Match(await office.GetStringAsync($"/m/study/Tests/Edit/{fresh}"), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var edit = await office.PostFormAsync($"/m/study/Tests/Edit/{fresh}", new Dictionary<string, string>(TestFields("删除用测试", now.AddDays(1), now.AddDays(2), duration: 45)) { ["Input.Version"] = stamp });
        Assert.True(edit.StatusCode == HttpStatusCode.Redirect, Errors(await edit.Content.ReadAsStringAsync()));
        Assert.Equal(45, await _portal.IntAsync("SELECT \"DurationMinutes\" FROM stu_test WHERE \"Id\" = @t", ("t", fresh)));
        Assert.Contains("data-testid=\"delete-test\"", await office.GetStringAsync($"/m/study/Tests/Details/{fresh}"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/study/Tests/Details/{fresh}", new Dictionary<string, string>(), $"/m/study/Tests/Details/{fresh}?handler=Delete")).StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_test WHERE \"Id\" = @t", ("t", fresh)));

        // The open hundred-rules test, once a member has started it.
        var test = await _portal.OpenTestAsync(demo);
        var member = await _portal.SignedInAsync("member");
        await member.StartAsync(test);
        var questions = "SELECT COUNT(*) FROM stu_test_question WHERE \"TestId\" = @t";
        var count = await _portal.IntAsync(questions, ("t", test));
        var page = await office.GetStringAsync($"/m/study/Tests/Edit/{test}");
        Assert.Contains("data-testid=\"started-note\"", page);
        Assert.DoesNotContain("name=\"Input.DurationMinutes\"", page);
        var closes = DateTime.Parse(Regex.Match(page, "name=\"Input.Closes\" value=\"([^\"]+)\"").Groups[1].Value);
        var version = Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Dictionary<string, string> Started(string title, DateTime close) => new()
        {
            ["Input.Title"] = title, ["Input.Closes"] = close.ToString("yyyy-MM-ddTHH:mm"), ["Input.WholeAgency"] = "true", ["Input.Version"] = version,
        };
        // A shorter window, or a duration posted all the same, is refused by its field; nothing changes.
        var shorter = await office.PostFormAsync($"/m/study/Tests/Edit/{test}", Started("改名的测试", closes.AddDays(-1)));
        Assert.Equal(HttpStatusCode.OK, shorter.StatusCode);
        Assert.Contains("截止时间只能延后", await shorter.Content.ReadAsStringAsync());
        var duration = await office.PostFormAsync($"/m/study/Tests/Edit/{test}", new Dictionary<string, string>(Started("改名的测试", closes)) { ["Input.DurationMinutes"] = "90" });
        Assert.Contains("已有人开始答题，此项不能再改", await duration.Content.ReadAsStringAsync());
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_test WHERE \"Title\" = '改名的测试'"));
        // A new title and a later close are taken; the questions stay.
        var longer = await office.PostFormAsync($"/m/study/Tests/Edit/{test}", Started("改名的测试", closes.AddDays(2)));
        Assert.Equal(HttpStatusCode.Redirect, longer.StatusCode);
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM stu_test WHERE \"Title\" = '改名的测试' AND \"Id\" = @t", ("t", test)));
        Assert.Equal(count, await _portal.IntAsync(questions, ("t", test)));

        // It cannot be deleted, only closed: then nobody starts it and the running attempt ends.
        var delete = await office.PostFormAsync($"/m/study/Tests/Details/{test}", new Dictionary<string, string>(), $"/m/study/Tests/Details/{test}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM stu_test WHERE \"Id\" = @t", ("t", test)));
        var close = await office.PostFormAsync($"/m/study/Tests/Details/{test}", new Dictionary<string, string>(), $"/m/study/Tests/Details/{test}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var secretary = await _portal.SignedInAsync("secretary");
        await secretary.PostFormAsync($"/m/study/Take/{test}", new Dictionary<string, string>(), $"/m/study/Take/{test}?handler=Start");
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_attempt a WHERE a.\"TestId\" = @t AND a.\"MemberId\" <> (SELECT MIN(\"MemberId\") FROM stu_attempt WHERE \"TestId\" = @t)", ("t", test)));
        _portal.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/m/study/Take/{test}")).StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_attempt WHERE \"TestId\" = @t AND \"SubmittedAt\" IS NULL", ("t", test)));
    }

    [Fact]
    public async Task A_branch_secretary_keeps_their_own_branch_s_plan_and_not_another_s()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secretary = await _portal.SignedInAsync("secretary");
        // The new plan form offers the secretary's own branch only, and no central study group.
        var form = await secretary.GetStringAsync("/m/study/Plans/Edit");
        Assert.DoesNotContain("value=\"CentralGroup\"", form);
        var branches = Regex.Matches(Regex.Match(form, "<select[^>]*Input_OrganizationId[\\s\\S]*?</select>").Value, "<option value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var own = Assert.Single(branches);
        var ownPlan = await _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_plan WHERE \"AgencyId\" = @a AND \"OrganizationId\" = @o", ("a", demo), ("o", int.Parse(own)));
        var otherPlan = await _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_plan WHERE \"AgencyId\" = @a AND \"Owner\" = 1 AND \"OrganizationId\" <> @o", ("a", demo), ("o", int.Parse(own)));
        var central = await CentralPlanAsync(demo);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/m/study/Plans/Edit/{ownPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/m/study/Sessions/Edit?plan={ownPlan}")).StatusCode);
        Assert.Contains("记录学习", await secretary.GetStringAsync($"/m/study/Plans/Details/{ownPlan}"));
        // Another branch's plan, or the central group's, is not there for them: 404, on every page and post.
        foreach (var url in new[] { $"/m/study/Plans/Edit/{otherPlan}", $"/m/study/Sessions/Edit?plan={otherPlan}", $"/m/study/Plans/Edit/{central}", $"/m/study/Sessions/Edit?plan={central}" })
            Assert.True((await secretary.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var otherSession = await _portal.IntAsync("SELECT MIN(\"Id\") FROM stu_session WHERE \"PlanId\" = @p", ("p", otherPlan));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/m/study/Sessions/Edit/{otherSession}")).StatusCode);
        var title = "SELECT \"Title\" FROM stu_plan WHERE \"Id\" = @p";
        var before = (await _portal.QueryAsync(title, ("p", otherPlan))).Single();
        var fields = new Dictionary<string, string> { ["Input.Title"] = "被改的计划", ["Input.Year"] = _portal.Today.Year.ToString(), ["Input.Owner"] = "Branch", ["Input.OrganizationId"] = own, ["Input.Months[0].Topic"] = "学习", ["Input.Version"] = "0" };
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostFormAsync($"/m/study/Plans/Edit/{ownPlan}", fields, $"/m/study/Plans/Edit/{otherPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostFormAsync($"/m/study/Plans/Edit/{ownPlan}", new Dictionary<string, string>(), $"/m/study/Plans/Edit/{otherPlan}?handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostFormAsync($"/m/study/Plans/Edit/{ownPlan}", new Dictionary<string, string>(), $"/m/study/Sessions/Edit/{otherSession}?handler=Delete")).StatusCode);
        Assert.Equal(before, (await _portal.QueryAsync(title, ("p", otherPlan))).Single());
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"Id\" = @s", ("s", otherSession)));
        // Their own branch's plan they may not move to another branch.
        var moved = await secretary.PostFormAsync($"/m/study/Plans/Edit/{ownPlan}", new Dictionary<string, string>(fields) { ["Input.OrganizationId"] = (await _portal.QueryAsync("SELECT \"OrganizationId\" FROM stu_plan WHERE \"Id\" = @p", ("p", otherPlan))).Single() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("请选择支部", await moved.Content.ReadAsStringAsync());
        // Their own plan they edit, and a session they record.
        var version = Regex.Match(await secretary.GetStringAsync($"/m/study/Plans/Edit/{ownPlan}"), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await secretary.PostFormAsync($"/m/study/Plans/Edit/{ownPlan}", new Dictionary<string, string>(fields) { ["Input.Title"] = "本支部改过的计划", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("本支部改过的计划", (await _portal.QueryAsync(title, ("p", ownPlan))).Single());
        var session = await PostSessionAsync(secretary, $"/m/study/Sessions/Edit?plan={ownPlan}", ownPlan, _portal.Today.AddDays(-1).ToString("yyyy-MM-dd"), "支部自学");
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);

        // A member of the same branch keeps nothing.
        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/study/Plans/Edit/{ownPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/study/Sessions/Edit?plan={ownPlan}")).StatusCode);
        Assert.DoesNotContain("记录学习", await member.GetStringAsync($"/m/study/Plans/Details/{ownPlan}"));

        // The office deletes a plan (the page asks first): its sessions go with it.
        var office = await _portal.SignedInAsync("office");
        Assert.Contains("data-testid=\"delete-plan\"", await office.GetStringAsync($"/m/study/Plans/Edit/{otherPlan}"));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/study/Plans/Edit/{otherPlan}", new Dictionary<string, string>(), $"/m/study/Plans/Edit/{otherPlan}?handler=Delete")).StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_plan WHERE \"Id\" = @p", ("p", otherPlan)));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_session WHERE \"PlanId\" = @p", ("p", otherPlan)));
    }

    [Fact]
    public async Task A_test_drawn_per_person_by_category_and_difficulty_gives_each_taker_their_own_questions()
    {
        var office = await _portal.SignedInAsync("office");
        var now = _portal.LocalNow;
        const string category = "百条党规党纪";
        Dictionary<string, string> Fields(string hardCount) => new(TestFields("每人抽题测试", now.AddMinutes(-5), now.AddDays(3)))
        {
            ["Input.Draws[0].Count"] = hardCount, ["Input.Draws[0].Category"] = category, ["Input.Draws[0].Difficulty"] = "Hard",
            ["Input.Draws[1].Category"] = category, ["Input.Draws[1].Difficulty"] = "Medium", ["Input.Draws[1].Count"] = "4",
            ["Input.DrawPerPerson"] = "true",
        };
        var hard = await _portal.IntAsync("SELECT COUNT(*) FROM stu_question WHERE \"AgencyId\" = @a AND \"Category\" = @c AND \"Difficulty\" = 3",
            ("a", await _portal.DemoAgencyIdAsync()), ("c", category));
        // More hard questions than the bank holds: the line says how many there are, and no test is made.
        var refused = await office.PostFormAsync("/m/study/Tests/Edit", Fields((hard + 1).ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"题库中符合这一行的题目只有 {hard} 道", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM stu_test WHERE \"Title\" = '每人抽题测试'"));

        var made = await office.PostFormAsync("/m/study/Tests/Edit", Fields("2"));
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, Errors(await made.Content.ReadAsStringAsync()));
        var test = await _portal.IntAsync("SELECT MAX(\"Id\") FROM stu_test WHERE \"Title\" = '每人抽题测试'");
        // The test keeps both pools whole; each taker gets 2 + 4 of them.
        Assert.True(await _portal.IntAsync("SELECT COUNT(*) FROM stu_test_question WHERE \"TestId\" = @t", ("t", test)) > 6);
        var member = await _portal.SignedInAsync("member");
        var secretary = await _portal.SignedInAsync("secretary");
        await member.StartAsync(test);
        await secretary.StartAsync(test);
        var mine = await member.QuestionsAsync(test);
        var theirs = await secretary.QuestionsAsync(test);
        Assert.Equal(6, mine.Count);
        Assert.Equal(6, theirs.Count);
        Assert.NotEqual(mine.Select(q => q.Question).Order(), theirs.Select(q => q.Question).Order());
        // A reload gives the same questions.
        Assert.Equal(mine.Select(q => q.Question), (await member.QuestionsAsync(test)).Select(q => q.Question));
        // A question of the pool that is the secretary's and not the member's is not the member's to answer.
        var notMine = theirs.Select(q => q.Question).First(id => mine.All(m => m.Question != id));
        Assert.Equal(HttpStatusCode.NotFound, (await member.SaveAsync(test, notMine, "对")).StatusCode);
        var q0 = mine[0];
        Assert.Equal(HttpStatusCode.OK, (await member.SaveAsync(test, q0.Question, q0.Values[0].Length > 0 ? q0.Values[0] : "纪律")).StatusCode);
        var submit = await member.PostFormAsync($"/m/study/Take/{test}", new Dictionary<string, string>(), $"/m/study/Take/{test}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(6, await _portal.IntAsync("SELECT \"Total\" FROM stu_attempt WHERE \"TestId\" = @t AND \"SubmittedAt\" IS NOT NULL", ("t", test)));
        Assert.Contains("共 6 题", await member.GetStringAsync($"/m/study/Result/{test}"));
        // The edit form shows the draw as it was made.
        var form = await office.GetStringAsync($"/m/study/Tests/Edit/{test}");
        Assert.Contains("data-testid=\"started-note\"", form);
    }
}
