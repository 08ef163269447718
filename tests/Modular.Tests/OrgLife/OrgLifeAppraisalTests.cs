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

    private static Dictionary<string, string> Form(string html, IEnumerable<Row> rows, Func<int, Row, string?> grade, string stage)
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, ["Stage"] = stage,
        };
        var n = 0;
        foreach (var r in rows)
        {
            fields[$"Entries[{r.Index}].Id"] = r.Id.ToString();
            if (grade(n++, r) is { } g) fields[$"Entries[{r.Index}].Grade"] = g;
        }
        return fields;
    }

    [Fact]
    public async Task The_appraisal_keeps_to_one_third_excellent_and_publishes_to_the_branch()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var member = await _portal.SignedInAsync("member");
        var year = DateTime.Today.Year;
        var index = await secretary.GetStringAsync($"/m/org-life/Appraisals?year={year}");
        var branch = Regex.Match(index, "name=\"Branch\" value=\"(\\d+)\"").Groups[1].Value;
        var started = await secretary.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["Branch"] = branch, ["year"] = year.ToString() }, $"/m/org-life/Appraisals?handler=Start&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.ToString();
        var id = Regex.Match(url, "/Edit/(\\d+)").Groups[1].Value;

        // Not published yet: members do not see the grades page; they write their self-appraisal.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/org-life/Appraisals/Edit/{id}")).StatusCode);
        var self = await member.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["SelfAppraisal"] = "本年度按时参加组织生活，认真完成本职工作。", ["year"] = year.ToString() },
            $"/m/org-life/Appraisals?handler=Self&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);

        var html = await secretary.GetStringAsync($"/m/org-life/Appraisals/Edit/{id}");
        Assert.Contains("本年度按时参加组织生活", html);
        var rows = Rows(html);
        var full = rows.Where(r => !r.Probationary).ToList();
        var max = full.Count / 3;

        // One 优秀 above a third is refused with the numbers, and nothing is saved.
        var tooMany = await secretary.PostFormAsync($"/m/org-life/Appraisals/Edit/{id}", Form(html, rows, (i, r) => r.Probationary ? null : i <= max ? "Excellent" : "Qualified", "Voting"));
        var refused = await tooMany.Content.ReadAsStringAsync();
        Assert.Contains($"本次 {full.Count} 人评定等次，“优秀”最多 {max} 人，现为 {max + 1} 人。", refused);
        Assert.DoesNotMatch("value=\"Excellent\" selected", await secretary.GetStringAsync($"/m/org-life/Appraisals/Edit/{id}"));

        if (rows.FirstOrDefault(r => r.Probationary) is { } probationary)
        {
            var forged = await secretary.PostFormAsync($"/m/org-life/Appraisals/Edit/{id}", Form(html, rows, (_, r) => r == probationary ? "Qualified" : null, "Voting"));
            Assert.Contains("预备党员参加民主评议，但不评定等次。", await forged.Content.ReadAsStringAsync());
        }

        var incomplete = await secretary.PostFormAsync($"/m/org-life/Appraisals/Edit/{id}", Form(html, rows, (i, r) => r.Probationary || i == 0 ? null : "Qualified", "Published"));
        Assert.Contains("名正式党员未评定等次，不能公布结果。", await incomplete.Content.ReadAsStringAsync());

        var ok = await secretary.PostFormAsync($"/m/org-life/Appraisals/Edit/{id}", Form(html, rows, (i, r) => r.Probationary ? null : i < max ? "Excellent" : "Qualified", "Published"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var published = await member.GetStringAsync($"/m/org-life/Appraisals/Edit/{id}");
        Assert.Contains("结果已公布", published);
        Assert.Contains($"优秀 {max}", await member.GetStringAsync($"/m/org-life/Appraisals?year={year}"));
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
        var same = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, me, DateTime.Today.ToString("yyyy-MM-dd")));
        Assert.Contains("谈心谈话须在两名不同党员之间进行。", await same.Content.ReadAsStringAsync());
        var future = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, other, DateTime.Today.AddDays(2).ToString("yyyy-MM-dd")));
        Assert.Contains("谈话发生后才能记录。", await future.Content.ReadAsStringAsync());
        var stranger = await secretary.PostFormAsync("/m/org-life/Talks", Talk(me, "999999", DateTime.Today.ToString("yyyy-MM-dd")));
        Assert.Contains("请选择本支部党员。", await stranger.Content.ReadAsStringAsync());

        var ok = await secretary.PostFormAsync("/m/org-life/Talks", Talk(other, me, DateTime.Today.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = int.Parse(Regex.Match(await secretary.GetStringAsync("/m/org-life/Talks"), "已谈 (\\d+) 对").Groups[1].Value);
        Assert.Equal(before + 1, after);
        // Members do not keep talks.
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("member")).GetAsync("/m/org-life/Talks")).StatusCode);
    }
}
