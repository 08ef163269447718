using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.OrgLife;

/// <summary>
/// A branch secretary takes the year's democratic appraisal through its stages in a browser: only the next stage is offered,
/// a stage posted out of order is refused with the reason, and the vote and grades are asked for at their stage.
/// </summary>
public sealed class AppraisalJourneyTests(OrgLifeFixture fixture) : BrowserTest(fixture), IClassFixture<OrgLifeFixture>
{
    private ILocator Stage => Page.Locator("[data-testid=appraisal-stage]");
    private ILocator Finish => Page.Locator("[data-testid=finish-stage]");
    private ILocator Errors => Page.Locator("[data-testid=appraisal-errors]");

    [Fact]
    public Task The_stages_are_offered_one_at_a_time_and_an_out_of_order_one_is_refused() => StepsAsync("orglife-appraisal-stages", async () =>
    {
        await SignInAsync("secretary");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "民主评议" }).ClickAsync();
        var row = Page.Locator("[data-testid=appraisals] tbody tr", new() { HasText = "第一党支部" });
        await row.GetByRole(AriaRole.Button, new() { Name = $"开始{Fixture.Portal.Today.Year}年度民主评议" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("民主评议已开始，党员现在可以填写个人自评。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("第一党支部");

        // Self-appraisal under way: the one button goes on to the peer appraisal; nothing later is offered.
        await Assertions.Expect(Stage).ToHaveTextAsync("个人自评");
        await Assertions.Expect(Finish).ToHaveCountAsync(1);
        await Assertions.Expect(Finish).ToHaveTextAsync("完成“个人自评”，进入“党员互评”");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "公布评议结果" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("select[name$='.Grade']")).ToHaveCountAsync(0);

        // A stage skipped by a doctored form is refused with the reason, and the appraisal stays where it was.
        await Finish.EvaluateAsync("b => b.value = 'Grading'");
        await Finish.ClickAsync();
        await Assertions.Expect(Page.GetByText("请先完成“个人自评”：民主评议各阶段须依次进行。")).ToBeVisibleAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("个人自评");

        // A future day is refused next to the date field.
        await Page.GetByLabel("“个人自评”完成日期").FillAsync(Fixture.Portal.Today.AddDays(3).ToString("yyyy-MM-dd"));
        await Finish.ClickAsync();
        await Assertions.Expect(Page.GetByText("日期不能晚于今天。")).ToBeVisibleAsync();
        await Page.GetByLabel("“个人自评”完成日期").FillAsync(Fixture.Portal.Today.ToString("yyyy-MM-dd"));
        await Finish.ClickAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("党员互评");
        await Assertions.Expect(Page.Locator("[data-testid=appraisal-steps]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("个人自评： ?已完成"));

        await Assertions.Expect(Finish).ToHaveTextAsync("完成“党员互评”，进入“民主测评”");
        await Finish.ClickAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("民主测评");

        // The vote: finishing it without the counts is refused; with one 合格 vote for each member it goes on.
        await Finish.ClickAsync();
        await Assertions.Expect(Page.GetByText("请先录入该党员的测评票数，再完成民主测评。").First).ToBeVisibleAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("民主测评");
        var qualified = Page.Locator("input[name$='.Qualified']");
        var count = await qualified.CountAsync();
        Assert.True(count >= 3, $"only {count} members in the appraisal");
        for (var i = 0; i < count; i++) await qualified.Nth(i).FillAsync("1");
        await Finish.ClickAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("评定等次");

        // The grades: publishing with nobody graded is refused with the count; all 合格 is published.
        await Assertions.Expect(Finish).ToHaveTextAsync("公布评议结果");
        await Finish.ClickAsync();
        await Assertions.Expect(Errors).ToContainTextAsync("名正式党员未评定等次，不能公布结果。");
        var grades = Page.Locator("select[name$='.Grade']");
        for (var i = 0; i < await grades.CountAsync(); i++) await grades.Nth(i).SelectOptionAsync(new SelectOptionValue { Label = "合格" });
        await Finish.ClickAsync();
        await Assertions.Expect(Page.GetByText("评议结果已向本支部公布。")).ToBeVisibleAsync();
        await Assertions.Expect(Stage).ToHaveTextAsync("结果已公布");
        await Assertions.Expect(Finish).ToHaveCountAsync(0);
    });
}
