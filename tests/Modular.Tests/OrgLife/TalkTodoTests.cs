using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>谈心谈话 not yet held this year reach the to-do centre of those who can hold them, counted, with a link to the talks page.</summary>
public sealed partial class TalkTodoTests
{
    [Fact]
    public async Task Talks_still_to_hold_this_year_are_on_the_secretarys_and_the_offices_to_do_list_not_the_members()
    {
        using var portal = new PortalFactory("org-life");
        var secretary = await portal.SignedInAsync("secretary");
        var todo = await secretary.GetStringAsync("/Todo");
        var item = MissingTalks().Match(todo);
        Assert.True(item.Success, "no talks item on the secretary's to-do list");
        // The count is the talks page's own.
        var link = System.Net.WebUtility.HtmlDecode(Html.Parse(todo).QuerySelectorAll("a[href*='/m/org-life/Talks']").Select(a => a.GetAttribute("href")!).First());
        var coverage = Html.Text(await secretary.GetStringAsync(link), "[data-testid=talk-coverage]");
        Assert.Contains($"尚未谈 {item.Groups[1].Value} 对", coverage);

        Assert.Contains("对谈心谈话未开展", await (await portal.SignedInAsync("office")).GetStringAsync("/Todo"));
        Assert.DoesNotContain("谈心谈话", await (await portal.SignedInAsync("member")).GetStringAsync("/Todo"));
    }

    [GeneratedRegex(@"本年度尚有 (\d+) 对谈心谈话未开展")]
    private static partial Regex MissingTalks();
}
