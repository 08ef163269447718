using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.OrgLife;

/// <summary>Organisational life as a branch secretary and the Party office meet it: plan, record, check compliance.</summary>
public sealed class OrgLifeJourneyTests(OrgLifeFixture fixture) : BrowserTest(fixture), IClassFixture<OrgLifeFixture>
{
    [Fact]
    public Task A_secretary_plans_a_meeting_and_records_it_as_held() => StepsAsync("orglife-plan-record", async () =>
    {
        await SignInAsync("secretary");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "会议记录" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "计划会议" }).ClickAsync();
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "支部党员大会" });
        await Page.GetByLabel("日期").FillAsync(Fixture.Portal.Today.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("地点").FillAsync("机关三楼党员活动室");
        await Page.GetByLabel("主题", new() { Exact = false }).FillAsync("学习贯彻全会精神（浏览器测试）");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("待召开");

        await Page.GetByRole(AriaRole.Link, new() { Name = "记录为已召开" }).ClickAsync();
        var first = Page.Locator("[data-testid=attendance-form] tbody tr").First;
        await first.GetByLabel("请假", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("会议记录").FillAsync("会议由张国强主持，传达学习了全会精神，与会同志结合工作谈了体会。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请填写请假事由。")).ToBeVisibleAsync();
        await first.GetByLabel("的请假事由").FillAsync("出差");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("已召开");
        await Assertions.Expect(Page.GetByText("出差")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=attendance-summary]")).ToContainTextAsync("请假 1 人");
    });

    [Fact]
    public Task The_Party_office_sees_which_branches_are_behind() => StepsAsync("orglife-compliance", async () =>
    {
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "落实情况" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=rollup]")).ToContainTextAsync("%");
        await Assertions.Expect(Page.Locator("[data-testid=compliance-overview]")).ToContainTextAsync("第一党支部");
        await Assertions.Expect(Page.Locator("svg[role=img]:visible")).ToHaveCountAsync(1);
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "支委会" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var grid = Page.Locator("[data-testid=compliance-grid]");
        await Assertions.Expect(grid).ToContainTextAsync("已召开");
        await Assertions.Expect(grid.GetByText("逾期").First).ToBeVisibleAsync();
        // A branch's row leads to its meetings of that type.
        await grid.GetByRole(AriaRole.Link, new() { Name = "第一党支部" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=meeting-list]")).ToContainTextAsync("支委会");
    });
}
