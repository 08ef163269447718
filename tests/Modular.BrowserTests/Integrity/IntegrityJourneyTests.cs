using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Integrity;

/// <summary>Anti-corruption education as its users meet it, one section per test.</summary>
public sealed class IntegrityJourneyTests(IntegrityBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<IntegrityBrowserFixture>
{
    private static string Today => DateTime.Now.ToString("yyyy-MM-dd");

    [Fact]
    public Task Discipline_inspection_records_a_talk_that_a_member_cannot_see() => StepsAsync("integrity-talks", async () =>
    {
        await SignInAsync("jijian");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "廉政谈话" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "记录谈话" }).ClickAsync();
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "提醒谈话" });
        await Page.GetByLabel("谈话对象").SelectOptionAsync(new SelectOptionValue { Label = "张国强" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请简要填写谈话内容。")).ToBeVisibleAsync();
        await Page.GetByLabel("内容摘要").FillAsync("浏览器测试：提醒其严格执行公务接待标准。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("浏览器测试：提醒其严格执行公务接待标准。")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "廉政谈话" }).Last.ClickAsync();
        await Assertions.Expect(Page.Locator("table")).ToContainTextAsync("张国强");

        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "member");
        await phone.GotoAsync(Url("/m/integrity"));
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "警示教育" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("廉政谈话")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-home-phone.png"), FullPage = true });
        var response = await phone.GotoAsync(Url("/m/integrity/Talks"));
        Assert.Equal(404, response!.Status);
    });

    [Fact]
    public Task The_agency_committee_secretary_reads_a_talk_by_the_post_and_the_office_gets_404() => StepsAsync("integrity-committee-secretary", async () =>
    {
        // shuji holds no integrity role: the committee post in the directory opens the talks.
        await SignInAsync("shuji");
        await Page.GotoAsync(Url("/m/integrity"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "廉政谈话" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("廉政谈话");
        await Page.Locator("table tbody tr a").First.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/integrity/Talks/Details/\\d+$"));
        var talk = Page.Url;
        // Named from the directory: both people, not the dash of an unknown id.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^廉政谈话：[^—]+$"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-talk-committee-secretary.png"), FullPage = true });

        var office = await SecondPersonAsync();
        await SignInAsync(office, "office");
        var response = await office.GotoAsync(talk);
        Assert.Equal(404, response!.Status);
        response = await office.GotoAsync(Url("/m/integrity/Talks"));
        Assert.Equal(404, response!.Status);
    });

    [Fact]
    public Task The_office_holds_a_warning_session_and_a_member_writes_reflections_on_a_phone() => StepsAsync("integrity-warning", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/integrity/Warning"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "新增警示教育" }).ClickAsync();
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "以案促改" });
        await Page.GetByLabel("日期").FillAsync(Today);
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请填写标题，例如：观看警示教育片《零容忍》。")).ToBeVisibleAsync();
        await Page.GetByLabel("标题").FillAsync("浏览器测试：典型案例以案促改专题会");
        await Page.GetByLabel("参加人员取自").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "浏览器测试：典型案例以案促改专题会" })).ToBeVisibleAsync();
        var present = await Page.Locator("[data-testid=present]").TextContentAsync();
        await Page.GetByLabel("张国强").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存参加情况" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("参加情况已保存。")).ToBeVisibleAsync();
        Assert.NotEqual(present, await Page.Locator("[data-testid=present]").TextContentAsync());

        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "member");
        await phone.GotoAsync(Url("/m/integrity/Warning"));
        await Assertions.Expect(phone.GetByTestId("warning-progress")).ToContainTextAsync("目标 2 次");
        await phone.GetByRole(AriaRole.Link, new() { Name = "浏览器测试：典型案例以案促改专题会" }).ClickAsync();
        await phone.GetByLabel("心得体会（可选）").FillAsync("以案为鉴，守住底线。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(phone.Locator("blockquote")).ToContainTextAsync("以案为鉴，守住底线。");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-warning-phone.png"), FullPage = true });
    });

    [Fact]
    public Task The_office_starts_the_review_round_and_a_secretary_confirms_a_point() => StepsAsync("integrity-review", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/integrity/Risks"));
        await Assertions.Expect(Page.Locator("table")).ToContainTextAsync("行政审批岗");
        await Page.GetByRole(AriaRole.Link, new() { Name = "年度复核" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "启动复核" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("round-progress")).ToContainTextAsync("已复核 0 /");

        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "secretary");
        await phone.GotoAsync(Url("/Todo"));
        await phone.GetByRole(AriaRole.Link, new() { Name = "复核风险点" }).First.ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "确认无变化" }).First.ClickAsync();
        await Assertions.Expect(phone.GetByText("已确认：下次复核在一年后。")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("round-progress")).ToContainTextAsync("已复核 1 /");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-review.png"), FullPage = true });
        await phone.GotoAsync(Url("/m/integrity/Risks"));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-risks-phone.png"), FullPage = true });
    });

    [Fact]
    public Task An_inspection_finding_is_rectified_and_closed_by_its_owner() => StepsAsync("integrity-inspection", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/integrity/Inspections"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "记录检查" }).ClickAsync();
        await Page.GetByLabel("方式").SelectOptionAsync(new SelectOptionValue { Label = "暗访" });
        await Page.Locator("#Input_Target").FillAsync("浏览器测试：综合受理2号窗口");
        await Page.Locator("#f0").FillAsync("浏览器测试：窗口工作人员未佩戴工作牌");
        await Page.Locator("#o0").SelectOptionAsync(new SelectOptionValue { Label = "李晓梅" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请填写截止日期。")).ToBeVisibleAsync();
        await Page.Locator("#d0").FillAsync(DateTime.Now.AddDays(7).ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.Locator("table")).ToContainTextAsync("浏览器测试：窗口工作人员未佩戴工作牌");

        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "member");
        await phone.GotoAsync(Url("/Todo"));
        await phone.GetByRole(AriaRole.Link, new() { Name = "整改：浏览器测试：窗口工作人员未佩戴工作牌" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "整改销号" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("请填写整改情况。")).ToBeVisibleAsync();
        await phone.GetByLabel("整改情况").FillAsync("已统一配发工作牌，每日班前检查。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "整改销号" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("整改事项已销号。")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("closing-note")).ToHaveTextAsync("已统一配发工作牌，每日班前检查。");
    });

    [Fact]
    public Task The_office_adjusts_the_festival_calendar() => StepsAsync("integrity-festivals", async () =>
    {
        var year = DateTime.Now.Year + 1;
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "节日廉洁提醒" }).ClickAsync();
        // Once this year's festivals have all passed, the page opens on next year's calendar itself.
        if (!(await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Contains($"{year}"))
            await Page.GetByRole(AriaRole.Link, new() { Name = $"{year} ›" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"{year}");
        var card = Page.GetByTestId("festival-SpringFestival");
        await card.GetByLabel("提前天数").FillAsync("45");
        await card.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请输入 0 到 30 之间的天数。")).ToBeVisibleAsync();
        card = Page.GetByTestId("festival-SpringFestival");
        await card.GetByLabel("提前天数").FillAsync("5");
        await card.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("festival-SpringFestival")).ToContainTextAsync("提前 5 天");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "integrity-festivals.png"), FullPage = true });
    });
}
