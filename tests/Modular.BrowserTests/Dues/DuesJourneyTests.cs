using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Dues;

/// <summary>The portal with the dues module.</summary>
public sealed class DuesBrowserFixture() : BrowserFixture("dues");

/// <summary>Dues as the office and a member meet them: a base, a payment, the member's receipt, the year published as Word.</summary>
public sealed class DuesJourneyTests(DuesBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<DuesBrowserFixture>
{
    [Fact]
    public Task The_office_enters_a_base_records_a_payment_the_member_sees_the_receipt_and_the_year_opens_as_Word() => StepsAsync("dues-journey", async () =>
    {
        var portal = Fixture.Portal;
        var today = portal.Today;
        // Someone admitted this month, with an account of their own: nothing owed yet, no base recorded.
        var memberId = await portal.AddApplicantWithAccountAsync("党费测试甲", "dues-a", today.AddYears(-28));
        await portal.ExecAsync("UPDATE dir_member SET \"Stage\" = @s, \"JoinedDate\" = @j WHERE \"Id\" = @m",
            ("s", (int)MemberStage.ProbationaryMember), ("j", new DateOnly(today.Year, today.Month, 1)), ("m", memberId));

        await SignInAsync("office");
        await Page.GotoAsync(Url($"/m/dues/Members/Details/{memberId}"));
        await Page.Locator("#BaseForm_Year").FillAsync(today.Year.ToString());
        await Page.Locator("#BaseForm_Category").SelectOptionAsync(new SelectOptionValue { Label = "在职" });
        await Page.Locator("#BaseForm_Base").FillAsync("4000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存基数" }).ClickAsync();
        // 4000 yuan is in the 3000–5000 band: 1 %.
        await Assertions.Expect(Page.Locator($"[data-testid=bases] tr[data-year='{today.Year}']")).ToContainTextAsync("1%");
        await Assertions.Expect(Page.GetByTestId("monthly")).ToHaveTextAsync("40.00");

        // The form offers this month at its amount.
        await Assertions.Expect(Page.Locator("#Payment_FirstMonth")).ToHaveValueAsync(today.ToString("yyyy-MM"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "登记交纳" }).ClickAsync();
        // Recorded, the receipt is shown at once.
        await Assertions.Expect(Page.GetByText("已登记交纳，收据编号")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("receipt")).ToContainTextAsync("40.00");

        // The member sees their own dues and opens the receipt.
        var member = await SecondPersonAsync();
        await SignInAsync(member, "dues-a");
        await member.GotoAsync(Url("/m/dues/Mine"));
        await Assertions.Expect(member.GetByTestId("paid-through")).ToHaveTextAsync(today.ToString("yyyy-MM"));
        await Assertions.Expect(member.GetByTestId("payments")).ToContainTextAsync("40.00");
        await member.GetByTestId("payments").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(member.GetByTestId("receipt-no")).ToContainTextAsync($"DF{today.Year}");
        await Assertions.Expect(member.GetByTestId("receipt")).ToContainTextAsync("党费测试甲");

        // The office publishes the year; it opens as a Word document.
        await Page.GotoAsync(Url($"/m/dues/Publication?year={today.Year}"));
        await Page.GetByTestId("publish").GetByRole(AriaRole.Button, new() { Name = "公布" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("published-on")).ToContainTextAsync(today.ToString("yyyy-MM-dd"));
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = "下载 Word 文档" }).GetAttributeAsync("href");
        var word = await Page.Context.APIRequest.GetAsync(Url(href!));
        Assert.Equal(200, word.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Headers["content-type"].Split(';')[0]);
        Assert.Equal("PK"u8.ToArray(), (await word.BodyAsync())[..2]);
        // The members see the published year too.
        await member.GotoAsync(Url($"/m/dues/Publication?year={today.Year}"));
        await Assertions.Expect(member.GetByTestId("publication")).ToBeVisibleAsync();
    });
}
