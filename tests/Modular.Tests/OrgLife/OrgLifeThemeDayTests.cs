using System.Net;
using System.Text.RegularExpressions;
using Modular.Modules.OrgLife.Rules;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>The branch's fixed theme Party day drives the plan's proposed date, the to-do centre and compliance; a moved one counts and says so.</summary>
public sealed class OrgLifeThemeDayTests : IClassFixture<OrgLifeTests.Portal>
{
    private readonly OrgLifeTests.Portal _portal;
    public OrgLifeThemeDayTests(OrgLifeTests.Portal portal) => _portal = portal;

    private static async Task SetThemeDayAsync(HttpClient client, int branch, int day) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/m/org-life/Schedules",
            new Dictionary<string, string> { ["BranchId"] = branch.ToString(), ["Day"] = day.ToString() })).StatusCode);

    [Fact]
    public async Task A_theme_day_is_proposed_on_the_fixed_day_and_one_held_the_day_after_counts_and_shows_it_moved()
    {
        var today = _portal.Today;
        var branch = await _portal.BranchIdAsync("第二党支部");
        var office = await _portal.SignedInAsync("office");
        var fixedDate = today.AddDays(-1); // held today: the day after the fixed day
        await SetThemeDayAsync(office, branch, fixedDate.Day);

        var form = await office.GetStringAsync($"/m/org-life/Meetings/Edit?branch={branch}&type=ThemePartyDay");
        Assert.Contains($"value=\"{CadenceRules.NextThemeDay(today, fixedDate.Day):yyyy-MM-dd}\"", form);
        Assert.Contains($"每月 {fixedDate.Day} 日", Html.Text(form, "[data-testid=theme-day-hint]"));

        var planned = await office.PostFormAsync($"/m/org-life/Meetings/Edit?branch={branch}", new Dictionary<string, string>
        {
            ["Branch"] = branch.ToString(), ["Input.Type"] = "ThemePartyDay", ["Input.Date"] = today.ToString("yyyy-MM-dd"),
            ["Input.Place"] = "红色教育基地", ["Input.Topic"] = "改期的主题党日（测试）",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var id = int.Parse(Regex.Match(planned.Headers.Location!.ToString(), "Details/(\\d+)").Groups[1].Value);
        var recorded = await office.PostFormAsync($"/m/org-life/Meetings/Record/{id}", await OrgLifeTests.RecordFieldsAsync(office, id));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var moved = $"改期（固定日 {fixedDate:yyyy-MM-dd}）";
        Assert.Equal($"改期（固定日 {fixedDate:yyyy年M月d日}）", Html.Text(await office.GetStringAsync($"/m/org-life/Meetings/Details/{id}"), "[data-testid=theme-day-moved]"));
        Assert.Contains(moved, Html.Texts(await office.GetStringAsync($"/m/org-life/Meetings?branch={branch}&type=ThemePartyDay"), "[data-testid=theme-day-moved]"));
        var grid = Html.Parse(await office.GetStringAsync($"/m/org-life/Compliance?type=ThemePartyDay&year={today.Year}"));
        var row = grid.QuerySelectorAll("[data-testid=compliance-grid] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "第二党支部");
        var month = row.QuerySelectorAll("td")[today.Month - 1];
        Assert.Equal("已召开", month.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal(moved, month.QuerySelector("[data-testid=theme-day-moved]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_to_do_centre_says_the_fixed_day_and_a_month_is_overdue_the_day_after_it()
    {
        var today = _portal.Today;
        var branch = await _portal.BranchIdAsync("第一党支部");
        var secretary = await _portal.SignedInAsync("secretary");
        var title = $"第一党支部：{today.Year}年{today.Month}月主题党日（固定日 {today.Month}月{{0}}日）";

        await SetThemeDayAsync(secretary, branch, today.Day);
        var todo = Html.Texts(await secretary.GetStringAsync("/Todo"), "main td a");
        Assert.Contains(todo, t => t.Contains(string.Format(title, today.Day) + "尚未召开"));

        await SetThemeDayAsync(secretary, branch, today.Day - 1);
        todo = Html.Texts(await secretary.GetStringAsync("/Todo"), "main td a");
        Assert.Contains(todo, t => t.Contains(string.Format(title, today.Day - 1) + "未召开") && !t.Contains("尚未召开"));
    }
}
