using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Elections;

/// <summary>The portal with the elections module.</summary>
public sealed class ElectionsFixture() : BrowserFixture("elections");

/// <summary>The Party office renews a branch whose term is overdue: plan, request, reply, candidates, the meeting refused at four fifths and recorded above.</summary>
public sealed partial class ElectionsJourneyTests(ElectionsFixture fixture) : BrowserTest(fixture), IClassFixture<ElectionsFixture>
{
    private const string Branch = "数据管理处党支部";

    [GeneratedRegex(@"今天 (\d+) 名")]
    private static partial Regex EntitledToday();

    [Fact]
    public Task An_election_at_four_fifths_is_refused_and_one_above_it_rolls_the_term_forward() => StepsAsync("elections-renewal", async () =>
    {
        var today = Fixture.Portal.Today;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "换届选举" }).ClickAsync();
        var row = Page.Locator("[data-testid=organizations] tr", new() { HasText = Branch });
        await Assertions.Expect(row.Locator("[data-testid=term-state]")).ToHaveTextAsync("任期已届满");
        await row.GetByRole(AriaRole.Link, new() { Name = "计划换届" }).ClickAsync();
        var seats = int.Parse(await Page.GetByLabel("应选人数").InputValueAsync());
        await Page.GetByLabel("计划选举日期").FillAsync(Day(today));
        await Page.Locator("[data-testid=plan]").GetByRole(AriaRole.Button, new() { Name = "计划换届" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=stage]")).ToHaveTextAsync("待请示");

        await Page.GetByLabel("日期").FillAsync(Day(today.AddDays(-20)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "录入请示" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=stage]")).ToHaveTextAsync("待批复");
        await Page.GetByLabel("日期").FillAsync(Day(today.AddDays(-10)));
        await Page.GetByLabel("上级党组织意见").SelectOptionAsync(new SelectOptionValue { Label = "同意" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "录入批复" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=stage]")).ToHaveTextAsync("待召开选举大会");

        // Those entitled are the branch's full members today: made a multiple of five, so that exactly four fifths can be tried.
        var entitled = int.Parse(EntitledToday().Match(await Page.ContentAsync()).Groups[1].Value);
        if (entitled % 5 != 0 || entitled < 5)
        {
            await AddFullMembersAsync(entitled < 5 ? 5 - entitled : 5 - entitled % 5);
            await Page.ReloadAsync();
            entitled = int.Parse(EntitledToday().Match(await Page.ContentAsync()).Groups[1].Value);
        }
        for (var i = 0; i < seats; i++)
        {
            await Page.GetByLabel("添加候选人（仅限正式党员）").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Page.Locator("[data-testid=add-candidate]").GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        }
        var form = Page.Locator("[data-testid=meeting-form]");
        await form.GetByLabel("会议日期").FillAsync(Day(today));
        await form.GetByLabel("实到正式党员").FillAsync($"{entitled * 4 / 5}");
        var votes = form.Locator("input[name^='Meeting.Votes']");
        var posts = form.Locator("select[name^='Meeting.Posts']");
        string[] names = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员", "委员"];
        for (var i = 0; i < seats; i++)
        {
            await votes.Nth(i).FillAsync($"{entitled * 4 / 5}");
            await posts.Nth(i).SelectOptionAsync(new SelectOptionValue { Label = names[i] });
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "录入选举结果" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=present-error]")).ToContainTextAsync("选举无效");
        await Assertions.Expect(Page.Locator("[data-testid=stage]")).ToHaveTextAsync("待召开选举大会");

        await form.GetByLabel("实到正式党员").FillAsync($"{entitled * 4 / 5 + 1}");
        await form.GetByRole(AriaRole.Button, new() { Name = "录入选举结果" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=stage]")).ToHaveTextAsync("已完成");
        await Assertions.Expect(Page.Locator("[data-testid=result]")).ToContainTextAsync($"新一届任期：{Day(today)} 至 {Day(today.AddYears(3))}");

        await Page.GetByRole(AriaRole.Link, new() { Name = Branch }).First.ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=term-state]")).ToHaveTextAsync("任期内");
        await Assertions.Expect(Page.Locator("[data-testid=term]")).ToHaveTextAsync($"{Day(today)} — {Day(today.AddYears(3))}");
        await Assertions.Expect(Page.Locator("[data-testid=posts]")).ToContainTextAsync("书记：");
    });

    private async Task AddFullMembersAsync(int count)
    {
        using var _ = AgencyScope.Use(await Fixture.Portal.DemoAgencyIdAsync());
        await using var scope = Fixture.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var branch = await db.Organizations.Where(o => o.Name == Branch).Select(o => o.Id).FirstAsync();
        for (var i = 0; i < count; i++)
            db.Members.Add(new Member { Name = $"换届测试{i}", OrganizationId = branch, Stage = MemberStage.FullMember, FullMemberDate = Fixture.Portal.Today.AddYears(-2) });
        await db.SaveChangesAsync();
    }
}
