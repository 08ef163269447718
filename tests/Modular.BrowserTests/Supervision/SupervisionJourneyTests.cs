using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Supervision;

public sealed class SupervisionBrowserFixture() : BrowserFixture("supervision");

/// <summary>The month's supervision as the office and a branch secretary do it: a task, its prompt, the report, the check and the closing.</summary>
public sealed class SupervisionJourneyTests(SupervisionBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<SupervisionBrowserFixture>
{
    [Fact]
    public Task The_office_creates_and_prompts_a_task_the_owner_reports_and_the_office_closes_it() => StepsAsync("supervision-task", async () =>
    {
        var today = Fixture.Portal.Today;
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/supervision"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "新建任务" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请填写任务内容。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("请选择责任单位或责任人。")).ToBeVisibleAsync();
        await Page.Locator("#Input_Title").FillAsync("浏览器测试：落实主题党日制度");
        await Page.Locator("#owner-org").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部" });
        await Page.Locator("#Input_Deadline").FillAsync(today.AddDays(15).ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("浏览器测试：落实主题党日制度");
        var taskUrl = Page.Url;

        await Page.GotoAsync(Url("/m/supervision/Prompts"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "发布月提示" }).ClickAsync();
        await Page.Locator("#Input_Title").FillAsync("浏览器测试月提示");
        await Page.Locator("#Input_Body").FillAsync("请按时开展主题党日。");
        await Page.GetByLabel("浏览器测试：落实主题党日制度", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("月提示已下发。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("prompt-body")).ToContainTextAsync("请按时开展主题党日。");

        // The secretary of 第一党支部 owns the task through the branch.
        var secretary = await SecondPersonAsync();
        await SignInAsync(secretary, "secretary");
        await secretary.GotoAsync(taskUrl);
        await Assertions.Expect(secretary.GetByTestId("steps")).ToContainTextAsync("已提示");
        await secretary.Locator("#report-note").FillAsync("已于本周召开支委会，部署主题党日。");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "报送进展" }).ClickAsync();
        await Assertions.Expect(secretary.GetByText("进展已报送。")).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "办结任务" })).ToHaveCountAsync(0);

        await Page.GotoAsync(taskUrl);
        await Assertions.Expect(Page.GetByTestId("steps")).ToContainTextAsync("已于本周召开支委会，部署主题党日。");
        await Page.Locator("#check-note").FillAsync("已查阅支委会记录。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "记录督查情况" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("督查情况已记录。")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "办结任务" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("任务已办结。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("已完成");
    });
}
