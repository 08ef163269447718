using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.PartyDirectory;

/// <summary>The directory as its users meet it: the Party office looks a member up, a member corrects their mobile.</summary>
public sealed class DirectoryJourneyTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_Party_office_finds_a_member_and_reveals_the_numbers() => StepsAsync("office-member", async () =>
    {
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "党员名册" }).ClickAsync();
        await Page.GetByLabel("姓名").FillAsync("李晓梅");
        await Page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "李晓梅" }).ClickAsync();
        var id = Page.Locator("[data-testid=id-number]");
        await Assertions.Expect(id).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{6}\*{8}[0-9X]{4}$"));
        // The birth date is the 8 digits the mask hides: not shown beside the mask, only in the full view.
        var birth = Page.Locator("[data-testid=birth-date]");
        await Assertions.Expect(birth).ToHaveTextAsync("—");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查看完整身份号码、手机号码和出生日期（将记入审计日志）" }).ClickAsync();
        await Assertions.Expect(id).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{17}[0-9X]$"));
        await Assertions.Expect(birth).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
    });

    [Fact]
    public Task A_member_corrects_their_mobile_number() => StepsAsync("member-profile", async () =>
    {
        await SignInAsync("member");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "我的党员信息" }).ClickAsync();
        await Page.GetByLabel("手机号码").FillAsync("12345");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("请输入以 1 开头的 11 位手机号码。")).ToBeVisibleAsync();
        await Page.GetByLabel("手机号码").FillAsync("13698765432");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("136****5432")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_secretary_sees_the_reminders_of_their_branch() => StepsAsync("secretary-orgs", async () =>
    {
        await SignInAsync("secretary");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "组织架构" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "第一党支部" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "信息中心党支部" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "新建党组织" })).ToHaveCountAsync(0);
    });
}
