using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>Democratic appraisal and heart-to-heart talks through the pages: the one-third rule, probationary members, publication, coverage.</summary>
public sealed class OrgLifeAppraisalTests : IClassFixture<OrgLifeTests.Portal>
{
    private readonly OrgLifeTests.Portal _portal;
    public OrgLifeAppraisalTests(OrgLifeTests.Portal portal) => _portal = portal;

    private sealed record Row(int Index, int Id, bool Probationary);

    private static List<Row> Rows(string html) =>
        Regex.Split(html, "<tr data-member=").Skip(1).Select(chunk =>
        {
            var m = Regex.Match(chunk, "name=\"Entries\\[(\\d+)\\]\\.Id\"[^>]*value=\"(\\d+)\"");
            return new Row(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), chunk.Contains("预备党员：参加评议"));
        }).ToList();

    /// <summary>The form as posted: the stage, its day, and each row's grade and votes (left out when null).</summary>
    private static Dictionary<string, string> Form(string html, IEnumerable<Row> rows, Func<int, Row, string?> grade, string stage,
        Func<int, Row, int[]?>? votes = null, string? date = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, ["Stage"] = stage,
        };
        if (date is not null) fields["StageDate"] = date;
        var n = 0;
        foreach (var r in rows)
        {
            fields[$"Entries[{r.Index}].Id"] = r.Id.ToString();
            if (grade(n, r) is { } g) fields[$"Entries[{r.Index}].Grade"] = g;
            if (votes?.Invoke(n, r) is [var e, var q, var b, var u])
            {
                fields[$"Entries[{r.Index}].Excellent"] = e.ToString();
                fields[$"Entries[{r.Index}].Qualified"] = q.ToString();
                fields[$"Entries[{r.Index}].BasicallyQualified"] = b.ToString();
                fields[$"Entries[{r.Index}].Unqualified"] = u.ToString();
            }
            n++;
        }
        return fields;
    }

    private static string Stage(string html) => Html.Text(html, "[data-testid=appraisal-stage]");

    [Fact]
    public async Task The_appraisal_goes_stage_by_stage_keeps_to_one_third_excellent_and_publishes_to_the_branch()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var member = await _portal.SignedInAsync("member");
        var year = _portal.Today.Year;
        var today = _portal.Today.ToString("yyyy-MM-dd");
        var index = await secretary.GetStringAsync($"/m/org-life/Appraisals?year={year}");
        var branch = Regex.Match(index, "name=\"Branch\" value=\"(\\d+)\"").Groups[1].Value;
        var started = await secretary.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["Branch"] = branch, ["year"] = year.ToString() }, $"/m/org-life/Appraisals?handler=Start&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.ToString();
        var id = Regex.Match(url, "/Edit/(\\d+)").Groups[1].Value;
        var edit = $"/m/org-life/Appraisals/Edit/{id}";

        // Not published yet: members do not see the grades page; they write their self-appraisal.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(edit)).StatusCode);
        var self = await member.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["SelfAppraisal"] = "本年度按时参加组织生活，认真完成本职工作。", ["year"] = year.ToString() },
            $"/m/org-life/Appraisals?handler=Self&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);

        var html = await secretary.GetStringAsync(edit);
        Assert.Contains("本年度按时参加组织生活", html);
        var rows = Rows(html);
        var full = rows.Where(r => !r.Probationary).ToList();
        var max = full.Count / 3;
        var everyone = rows.Count;
        int[] Votes(int i, Row r) => i < max ? [everyone, 0, 0, 0] : [1, everyone - 1, 0, 0];

        // Out of order: the vote, or publishing, while the self-appraisal is under way is refused and nothing is saved.
        foreach (var skip in new[] { "Voting", "Published" })
        {
            var refused = await secretary.PostFormAsync(edit, Form(html, rows, (i, r) => r.Probationary ? null : "Qualified", skip, Votes, today));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请先完成“个人自评”", await refused.Content.ReadAsStringAsync());
        }
        html = await secretary.GetStringAsync(edit);
        Assert.Equal("个人自评", Stage(html));
        Assert.DoesNotContain("已完成", Html.Text(html, "[data-testid=appraisal-steps]"));

        // Self-appraisal and peer appraisal done, each on its day.
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostFormAsync(edit, Form(html, rows, (_, _) => null, "PeerAppraisal", date: today))).StatusCode);
        html = await secretary.GetStringAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostFormAsync(edit, Form(html, rows, (_, _) => null, "Voting", date: today))).StatusCode);
        html = await secretary.GetStringAsync(edit);
        Assert.Equal("民主测评", Stage(html));
        Assert.Matches($"个人自评： ?已完成 {today}", Html.Text(html, "[data-testid=appraisal-steps]"));

        // The vote: more votes for one member than participants is refused; so is finishing with a member not voted on.
        var tooManyVotes = await secretary.PostFormAsync(edit, Form(html, rows, (_, _) => null, "Voting", (i, r) => i == 0 ? [everyone, 1, 0, 0] : Votes(i, r)));
        Assert.Contains($"合计 {everyone + 1} 票，超过参加评议的 {everyone} 人", await tooManyVotes.Content.ReadAsStringAsync());
        var unvoted = await secretary.PostFormAsync(edit, Form(html, rows, (_, _) => null, "Grading", (i, r) => i == 0 ? null : Votes(i, r), today));
        Assert.Contains("请先录入该党员的测评票数", await unvoted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostFormAsync(edit, Form(html, rows, (_, _) => null, "Grading", Votes, today))).StatusCode);
        html = await secretary.GetStringAsync(edit);
        Assert.Equal("评定等次", Stage(html));

        // The grades: one 优秀 above a third is refused with the numbers, and nothing is saved.
        var tooMany = await secretary.PostFormAsync(edit, Form(html, rows, (i, r) => r.Probationary ? null : i <= max ? "Excellent" : "Qualified", "Grading"));
        Assert.Contains($"本次 {full.Count} 人评定等次，“优秀”最多 {max} 人，现为 {max + 1} 人。", await tooMany.Content.ReadAsStringAsync());
        Assert.DoesNotMatch("value=\"Excellent\" selected", await secretary.GetStringAsync(edit));

        if (rows.FirstOrDefault(r => r.Probationary) is { } probationary)
        {
            var forged = await secretary.PostFormAsync(edit, Form(html, rows, (_, r) => r == probationary ? "Qualified" : null, "Grading"));
            Assert.Contains("预备党员参加民主评议，但不评定等次。", await forged.Content.ReadAsStringAsync());
        }

        var incomplete = await secretary.PostFormAsync(edit, Form(html, rows, (i, r) => r.Probationary || i == 0 ? null : "Qualified", "Published", date: today));
        Assert.Contains("名正式党员未评定等次，不能公布结果。", await incomplete.Content.ReadAsStringAsync());

        var ok = await secretary.PostFormAsync(edit, Form(html, rows, (i, r) => r.Probationary ? null : i < max ? "Excellent" : "Qualified", "Published", date: today));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var published = await member.GetStringAsync(edit);
        Assert.Equal("结果已公布", Stage(published));
        Assert.Matches($"评定等次： ?已完成 {today}", Html.Text(published, "[data-testid=appraisal-steps]"));
        Assert.Contains($"优秀 {max}", await member.GetStringAsync($"/m/org-life/Appraisals?year={year}"));
    }

    [Fact]
    public async Task Last_years_appraisal_left_unpublished_is_overdue_in_compliance_and_the_to_do_centre()
    {
        var year = _portal.Today.Year - 1;
        var office = await _portal.SignedInAsync("office");
        var overview = Html.Parse(await office.GetStringAsync($"/m/org-life/Compliance?year={year}"));
        var states = overview.QuerySelectorAll("[data-testid=compliance-overview] tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.ChildNodes[0].TextContent.Trim(), r => r.QuerySelector("[data-testid=appraisal-state]")!.TextContent.Trim());
        Assert.Equal("结果已公布", states["第一党支部"]);
        Assert.Contains("逾期", states.Values); // the demo's branch that is behind never finished its own

        // Had 第一党支部 not published its results, its secretary would be told.
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.DoesNotContain(Html.Texts(await secretary.GetStringAsync("/Todo"), "main td a"), t => t.Contains("民主评议党员"));
        var branch = await _portal.BranchIdAsync("第一党支部");
        await _portal.ExecAsync("UPDATE orglife_appraisal SET \"Stage\" = 3 WHERE \"BranchId\" = @b AND \"Year\" = @y", ("b", branch), ("y", year));
        // Written past the portal's contexts, so the change stamps are bumped by hand (as the contexts do) for the caches.
        await _portal.BumpChangeStampsAsync();
        Assert.Contains($"第一党支部：{year}年民主评议党员未完成", Html.Texts(await secretary.GetStringAsync("/Todo"), "main td a"));

        // Another agency can neither see it nor publish it.
        var id = await _portal.IntAsync("SELECT \"Id\" FROM orglife_appraisal WHERE \"BranchId\" = @b AND \"Year\" = @y", ("b", branch), ("y", year));
        await _portal.CreateAgencyAsync("OLA", "ola-admin", "agency-admin,member", "org-life");
        var other = await _portal.SignedInAsync("ola-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/org-life/Appraisals/Edit/{id}")).StatusCode);
        var forged = await other.PostFormAsync("/", new Dictionary<string, string> { ["Stage"] = "Published", ["StageDate"] = _portal.Today.ToString("yyyy-MM-dd"), ["Version"] = "1" },
            $"/m/org-life/Appraisals/Edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(3, await _portal.IntAsync("SELECT \"Stage\" FROM orglife_appraisal WHERE \"Id\" = @id", ("id", id)));
    }

    [Fact]
    public async Task Talks_fill_the_coverage_matrix_and_bad_talks_are_refused()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var page = await secretary.GetStringAsync("/m/org-life/Talks");
        Assert.Contains("data-testid=\"talk-matrix\"", page);
        var before = int.Parse(Regex.Match(page, "已谈 (\\d+) 对").Groups[1].Value);
        var options = Regex.Matches(Regex.Match(page, "id=\"Input_InitiatorMemberId\".*?</select>", RegexOptions.Singleline).Value, "<option value=\"(\\d+)\">([^<]+)<")
            .Select(m => (Id: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        var me = options.Single(o => o.Name == "张国强").Id;
        var other = options.First(o => o.Name == "李晓梅").Id;
        Dictionary<string, string> Talk(string who, string whom, string date) => new()
        {
            ["Input.Date"] = date, ["Input.InitiatorMemberId"] = who, ["Input.PartnerMemberId"] = whom, ["Input.Topic"] = "思想工作情况交流",
        };
        var same = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, me, _portal.Today.ToString("yyyy-MM-dd")));
        Assert.Contains("谈心谈话须在两名不同党员之间进行。", await same.Content.ReadAsStringAsync());
        var future = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, other, _portal.Today.AddDays(2).ToString("yyyy-MM-dd")));
        Assert.Contains("谈话发生后才能记录。", await future.Content.ReadAsStringAsync());
        var stranger = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, "999999", _portal.Today.ToString("yyyy-MM-dd")));
        Assert.Contains("请选择本支部党员。", await stranger.Content.ReadAsStringAsync());

        var ok = await secretary.PostFormAsync("/m/org-life/Talks", Talk(other, me, _portal.Today.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = int.Parse(Regex.Match(await secretary.GetStringAsync("/m/org-life/Talks"), "已谈 (\\d+) 对").Groups[1].Value);
        Assert.Equal(before + 1, after);
        // Members do not keep talks.
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync("/m/org-life/Talks")).StatusCode);
    }
}
