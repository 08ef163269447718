using System.Net;
using System.Text.RegularExpressions;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Development;

/// <summary>
/// The development module through its pages on the real host: applications and steps recorded, gates refused with
/// nothing saved, who sees which case, another agency's ids, the module turned off, and the demo pipeline.
/// </summary>
public sealed partial class DevelopmentTests : IClassFixture<DevelopmentTests.Portal>
{
    public sealed class Portal() : PortalFactory("development");

    private readonly Portal _portal;
    public DevelopmentTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    internal static string Details(int caseId) => $"/m/development/Cases/Details/{caseId}";
    private const string Open = "/m/development/Cases/Open";

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static async Task<string> VersionAsync(HttpClient client, int caseId) =>
        VersionPattern().Match(await client.GetStringAsync(Details(caseId))).Groups[1].Value;

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    internal static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, int memberId, DateOnly date) =>
        await client.PostFormAsync(Open, new Dictionary<string, string> { ["Input.MemberId"] = memberId.ToString(), ["Input.Date"] = Day(date) });

    internal static async Task<HttpResponseMessage> StepAsync(HttpClient client, int caseId, int step, DateOnly date, Dictionary<string, string>? more = null, string? version = null)
    {
        var fields = new Dictionary<string, string>(more ?? []) { ["Input.Step"] = step.ToString(), ["Input.Date"] = Day(date), ["Input.Version"] = version ?? await VersionAsync(client, caseId) };
        return await client.PostFormAsync(Details(caseId), fields);
    }

    internal static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>A case of a new applicant carried to step <paramref name="upTo"/> (≤ 4) by the office, the application a year and a half ago.</summary>
    private async Task<(int Person, int Case)> CaseAsync(HttpClient office, string name, int upTo)
    {
        var person = await _portal.AddPersonAsync(name, Today.AddYears(-25));
        await Ok(await ApplyAsync(office, person, Today.AddDays(-400)));
        var caseId = (await _portal.CaseOfAsync(person))!.Value;
        for (var step = 2; step <= upTo; step++) await Ok(await StepAsync(office, caseId, step, Today.AddDays(-400 + 10 * (step - 1))));
        return (person, caseId);
    }

    [Fact]
    public async Task Steps_are_recorded_in_order_through_the_pages_and_a_refused_gate_saves_nothing()
    {
        var office = await _portal.SignedInAsync("office");
        var (person, caseId) = await CaseAsync(office, "发展测试甲", 4);
        Assert.Equal([1, 2, 3, 4], await _portal.StepsOfAsync(caseId));
        var full = await _portal.MemberIdsAsync(3);

        // Three mentors, or the person themselves: refused next to the field, nothing saved.
        var three = await StepAsync(office, caseId, 5, Today.AddDays(-300), new() { ["Input.Mentors[0]"] = $"{full[0]}", ["Input.Mentors[1]"] = $"{full[1]}", ["Input.Mentors[2]"] = $"{full[2]}" });
        Assert.Equal(HttpStatusCode.BadRequest, three.StatusCode);
        Assert.Contains("须确定 1 至 2 人", await three.Content.ReadAsStringAsync());
        var self = await StepAsync(office, caseId, 5, Today.AddDays(-300), new() { ["Input.Mentors[0]"] = $"{person}" });
        Assert.Contains("不能确定本人", await self.Content.ReadAsStringAsync());
        // Out of order: step 7 before step 5.
        var early = await StepAsync(office, caseId, 7, Today.AddDays(-300));
        Assert.Contains("下一步是第 5 步", await early.Content.ReadAsStringAsync());
        Assert.Equal([1, 2, 3, 4], await _portal.StepsOfAsync(caseId));
        Assert.Empty(await _portal.HelpersOfAsync(caseId));

        await Ok(await StepAsync(office, caseId, 5, Today.AddDays(-300), new() { ["Input.Mentors[0]"] = $"{full[0]}", ["Input.Mentors[1]"] = "" }));
        Assert.Equal([full[0]], await _portal.HelpersOfAsync(caseId));
        await Ok(await StepAsync(office, caseId, 6, Today.AddDays(-200), new() { ["Input.Note"] = "半年考察" }));

        // Step 3 was 380 days ago: the candidate can be decided 365 days after it (the same date next year), not a day before.
        var stepThree = Today.AddDays(-380);
        var tooEarly = await StepAsync(office, caseId, 7, stepThree.AddYears(1).AddDays(-1));
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("满一年后才能确定为发展对象", await tooEarly.Content.ReadAsStringAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6], await _portal.StepsOfAsync(caseId));

        // A form read before someone else's save is refused as stale.
        var stale = await VersionAsync(office, caseId);
        await Ok(await StepAsync(office, caseId, 7, stepThree.AddYears(1)));
        var second = await StepAsync(office, caseId, 8, Today, version: stale);
        Assert.Contains("其他人修改了这条记录", await second.Content.ReadAsStringAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], await _portal.StepsOfAsync(caseId));

        var page = await office.GetStringAsync(Details(caseId));
        Assert.Contains("下一步：第 8 步", page);
        Assert.Contains("发展对象", page);
    }

    [Fact]
    public async Task The_application_needs_the_age_of_18_and_a_birth_date_in_the_directory()
    {
        var office = await _portal.SignedInAsync("office");
        var young = await _portal.AddPersonAsync("未满十八岁甲", Today.AddYears(-18).AddDays(1));
        var response = await ApplyAsync(office, young, Today);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("须年满十八岁（申请之日为 17 岁）", await response.Content.ReadAsStringAsync());
        Assert.Null(await _portal.CaseOfAsync(young));

        var unknown = await _portal.AddPersonAsync("无出生日期乙", null);
        Assert.Contains("花名册中没有此人的出生日期", await (await ApplyAsync(office, unknown, Today)).Content.ReadAsStringAsync());
        Assert.Null(await _portal.CaseOfAsync(unknown));

        var eighteen = await _portal.AddPersonAsync("刚满十八岁丙", Today.AddYears(-18));
        await Ok(await ApplyAsync(office, eighteen, Today));
        Assert.NotNull(await _portal.CaseOfAsync(eighteen));
        // One case per person.
        Assert.Equal(HttpStatusCode.BadRequest, (await ApplyAsync(office, eighteen, Today)).StatusCode);
    }

    [Fact]
    public async Task Another_agency_gets_404_for_the_cases_and_cannot_use_the_members()
    {
        var office = await _portal.SignedInAsync("office");
        var (person, caseId) = await CaseAsync(office, "本单位发展丁", 2);
        await _portal.CreateAgencyAsync("DEVB", "devb-admin", "agency-admin,member", "development");
        var other = await _portal.SignedInAsync("devb-admin");
        Assert.DoesNotContain("本单位发展丁", await other.GetStringAsync("/m/development"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Details(caseId))).StatusCode);
        var post = await other.PostFormAsync(Open, new Dictionary<string, string> { ["Input.Step"] = "3", ["Input.Date"] = Day(Today), ["Input.Version"] = "1" }, Details(caseId));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var applicant = await _portal.AddPersonAsync("本单位申请人戊", Today.AddYears(-30));
        Assert.Equal(HttpStatusCode.BadRequest, (await ApplyAsync(other, applicant, Today)).StatusCode);
        Assert.Null(await _portal.CaseOfAsync(applicant));
        Assert.Equal([1, 2], await _portal.StepsOfAsync(caseId));
        _ = person;
    }

    [Fact]
    public async Task A_member_sees_only_their_own_way_and_the_people_they_are_named_for()
    {
        var office = await _portal.SignedInAsync("office");
        var mentor = await _portal.MemberIdAsync("李晓梅");
        var (_, unrelated) = await CaseAsync(office, "无关发展己", 1);
        var (_, named) = await CaseAsync(office, "联系发展庚", 4);
        await Ok(await StepAsync(office, named, 5, Today.AddDays(-300), new() { ["Input.Mentors[0]"] = $"{mentor}" }));

        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Details(unrelated))).StatusCode);
        var page = await member.GetAsync(Details(named));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"record-step\"", await page.Content.ReadAsStringAsync());
        var mine = await member.GetStringAsync("/m/development/Mine");
        Assert.Contains("联系发展庚", mine);
        Assert.DoesNotContain("无关发展己", mine);
        // Reading is not recording: the step form answers 404.
        var post = await member.PostFormAsync("/m/development/Mine", new Dictionary<string, string> { ["Input.Step"] = "6", ["Input.Date"] = Day(Today), ["Input.Version"] = "1" }, Details(named));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal([1, 2, 3, 4, 5], await _portal.StepsOfAsync(named));

        // The person reads their own way, without the form.
        var applicant = await _portal.AddApplicantWithAccountAsync("本人发展壬", "dev-applicant", Today.AddYears(-22));
        await Ok(await ApplyAsync(office, applicant, Today));
        var own = (await _portal.CaseOfAsync(applicant))!.Value;
        var self = await _portal.SignedInAsync("dev-applicant");
        Assert.Contains("本人发展壬", await self.GetStringAsync("/m/development/Mine"));
        var ownPage = await self.GetStringAsync(Details(own));
        Assert.Contains("下一步：第 2 步", ownPage);
        Assert.DoesNotContain("data-testid=\"record-step\"", ownPage);
        Assert.Equal(HttpStatusCode.NotFound, (await self.GetAsync(Details(named))).StatusCode);

        // The branch secretary works on the branch's cases.
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("data-testid=\"record-step\"", await secretary.GetStringAsync(Details(unrelated)));
    }

    [Fact]
    public async Task The_demo_pipeline_has_a_case_for_everyone_on_the_way_with_overdue_steps_and_an_extended_probation()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        Assert.True(await _portal.ExtendedCasesAsync(agency) >= 1);
        Assert.True(await _portal.OverdueCasesAsync(agency, Today) >= 1);
        var office = await _portal.SignedInAsync("office");
        var pipeline = await office.GetStringAsync("/m/development");
        Assert.Contains("data-testid=\"cases\"", pipeline);
        Assert.Contains("已逾期", pipeline);
        Assert.Contains("/m/development/Cases/Details/", await office.GetStringAsync("/Todo"));
    }

    [GeneratedRegex("data-org-id=\"(\\d+)\"")]
    private static partial Regex OrgPattern();

    [Fact]
    public async Task The_office_keeps_the_yearly_plan_and_every_member_reads_the_public_notice()
    {
        const string plan = "/m/development/Agency";
        var office = await _portal.SignedInAsync("office");
        var org = OrgPattern().Match(await office.GetStringAsync(plan)).Groups[1].Value;
        var version = Regex.Match(await office.GetStringAsync(plan), $"name=\"Versions\\[{org}\\]\" value=\"(\\d+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { [$"Planned[{org}]"] = "3" };
        if (version != "") fields[$"Versions[{org}]"] = version;
        await Ok(await office.PostFormAsync(plan, fields));
        Assert.Contains($"name=\"Planned[{org}]\" value=\"3\"", await office.GetStringAsync(plan));
        // A form read before that save is refused, and a bad number is named.
        if (version != "") Assert.Contains("其他人修改了这条记录", await (await office.PostFormAsync(plan, fields)).Content.ReadAsStringAsync());
        var bad = await office.PostFormAsync(plan, new Dictionary<string, string> { [$"Planned[{org}]"] = "-1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写 0 到 1000 之间的数", await bad.Content.ReadAsStringAsync());

        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(plan)).StatusCode);
        Assert.Contains("拟转为正式党员的预备党员", await member.GetStringAsync("/m/development/Notices"));
        await _portal.CreateAgencyAsync("DEVC", "devc-admin", "agency-admin,member", "development");
        var other = await _portal.SignedInAsync("devc-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync(plan, new Dictionary<string, string> { [$"Planned[{org}]"] = "9" })).StatusCode);
    }

    [Fact]
    public async Task Turned_off_the_modules_pages_answer_404()
    {
        var office = await _portal.SignedInAsync("office");
        var (_, caseId) = await CaseAsync(office, "关闭模块辛", 1);
        Assert.Equal(HttpStatusCode.Redirect, (await Toggle(office, false)).StatusCode);
        try
        {
            foreach (var path in new[] { "/m/development", Details(caseId), "/m/development/Mine", Open })
                Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(path)).StatusCode);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Toggle(office, true)).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> Toggle(HttpClient client, bool enable) =>
        client.PostFormAsync("/", new Dictionary<string, string> { ["enable"] = enable ? "true" : "false" }, "/Agency/Modules?handler=Toggle&moduleId=development");
}
