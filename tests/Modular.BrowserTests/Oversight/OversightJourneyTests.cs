using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Oversight;

/// <summary>The five demo agencies with the modules that offer indicators.</summary>
public sealed class OversightFixture : BrowserFixture
{
    public OversightFixture() : base("org-life", "volunteer", "integrity", "civilization", "development", "dues") =>
        Portal.Settings["Modular:DemoAgencyCount"] = "5";
}

/// <summary>
/// The organ work committee (gongwei) sees the five agencies' indicators with their colours, drills into one agency's
/// branches, sends it a task, and sees it closed once the agency (through IHigherTasks, as its supervision module does)
/// reports it done.
/// </summary>
public sealed class OversightJourneyTests(OversightFixture fixture) : BrowserTest(fixture), IClassFixture<OversightFixture>
{
    [Fact]
    public Task The_committee_sees_five_agencies_drills_into_one_sends_a_task_and_sees_it_closed() => StepsAsync("oversight", async () =>
    {
        await SignInAsync("gongwei");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "各单位党建指标" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("各单位党建指标");
        var rows = Page.Locator("#oversight-matrix tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        // True colours: figures carry their light in words and colour.
        Assert.True(await Page.Locator("#oversight-matrix [data-light='Green']").CountAsync() > 0);
        Assert.True(await Page.Locator("#oversight-matrix [data-light='Red'], #oversight-matrix [data-light='Amber']").CountAsync() > 0);
        await Assertions.Expect(Page.Locator("#oversight-matrix .status-good").First).ToContainTextAsync("达标");

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("市数据资源局");
        await Assertions.Expect(Page.Locator("#oversight-branches tr[data-org]", new() { HasText = "第一党支部" })).ToBeVisibleAsync();

        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "督办任务" }).ClickAsync();
        await Page.GetByLabel("标题").FillAsync("报送年度党建工作总结");
        await Page.GetByLabel("工作要求").FillAsync("请于本月底前报送年度党建工作总结。");
        await Page.GetByLabel("完成时限").FillAsync(Fixture.Portal.Today.AddDays(14).ToString("yyyy-MM-dd"));
        await Page.GetByLabel("督办任务（需反馈进展）").CheckAsync();
        await Page.GetByLabel("市数据资源局").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("报送年度党建工作总结");
        await Assertions.Expect(Page.Locator("#task-copies tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#task-copies tbody tr")).ToContainTextAsync("未开始");

        // The agency's side, as its supervision module does it.
        var agency = await Fixture.Portal.DemoAgencyIdAsync();
        using (AgencyScope.Use(agency))
        {
            await using var scope = Fixture.Portal.Services.CreateAsyncScope();
            var tasks = scope.ServiceProvider.GetRequiredService<IHigherTasks>();
            var task = Assert.Single(await tasks.ListAsync(), t => t.Title == "报送年度党建工作总结");
            Assert.Empty(await tasks.ReportAsync("supervision", task.Id, new HigherTaskReport(HigherTaskState.Done, "已按时报送年度总结。")));
        }

        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("#task-copies tbody tr")).ToContainTextAsync("已完成");
        await Assertions.Expect(Page.Locator("#task-copies tbody tr")).ToContainTextAsync("已按时报送年度总结。");
    });
}
