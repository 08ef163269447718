using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Volunteer;

/// <summary>Volunteer service as its users meet it: the office publishes, a member signs up on a phone, the organiser checks them in and out, the hours show.</summary>
public sealed class VolunteerJourneyTests(VolunteerBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<VolunteerBrowserFixture>
{
    [Fact]
    public Task Publish_sign_up_check_in_and_out_and_see_the_hours() => StepsAsync("volunteer-journey", async () =>
    {
        var start = DateTime.Now.Date.AddDays(1).AddHours(9);
        await SignInAsync("office");
        await Page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "志愿服务活动" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "发布活动" }).ClickAsync();
        await Page.GetByLabel("标题").FillAsync("浏览器测试：政务大厅延时服务");
        await Page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "延时服务" });
        await Page.GetByLabel("地点").FillAsync("市政务服务中心一楼大厅");
        await Page.GetByLabel("开始时间").FillAsync(start.ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByLabel("结束时间").FillAsync(start.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByLabel("名额").FillAsync("5");
        await Page.GetByLabel("报名截止").FillAsync(start.AddHours(-2).ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByLabel("组织人").SelectOptionAsync(new SelectOptionValue { Label = "王建华" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("结束时间须晚于开始时间。")).ToBeVisibleAsync();
        await Page.GetByLabel("结束时间").FillAsync(start.AddHours(3).ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=activity-status]")).ToHaveTextAsync("已发布");
        var id = int.Parse(Page.Url.Split('/').Last().Split('?')[0]);

        // A member, on a phone, finds it on the list and signs up.
        var phone = await SecondPersonAsync();
        await SignInAsync(phone, "member");
        await phone.GotoAsync(Url("/m/volunteer"));
        await phone.GetByRole(AriaRole.Link, new() { Name = "浏览器测试：政务大厅延时服务" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("报名成功。")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-testid=places]")).ToContainTextAsync("已报 1 / 共 5 名");

        // The morning of the activity (moved in time): the organiser taps in, and two hours later taps out.
        var now = DateTime.Now;
        await Fixture.Portal.ExecAsync("UPDATE vol_activity SET \"StartsAt\" = @s, \"EndsAt\" = @e, \"SignUpDeadline\" = @d WHERE \"Id\" = @id",
            ("s", now.AddHours(-2)), ("e", now.AddHours(1)), ("d", now.AddHours(-3)), ("id", id));
        await Page.ReloadAsync();
        var row = Page.Locator("[data-testid=sign-ups] tr", new() { HasText = "李晓梅" });
        await row.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("李晓梅 已签到。")).ToBeVisibleAsync();
        await Fixture.Portal.ExecAsync("UPDATE vol_signup SET \"CheckedInAt\" = @t WHERE \"ActivityId\" = @id", ("t", now.AddHours(-2)), ("id", id));
        await Page.Locator("[data-testid=sign-ups] tr", new() { HasText = "李晓梅" }).GetByRole(AriaRole.Button, new() { Name = "签退" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("李晓梅 已签退。")).ToBeVisibleAsync();

        // The member sees the hours in their record and on the certificate.
        await phone.GotoAsync(Url("/m/volunteer/Record"));
        var line = phone.Locator("[data-testid=record-lines] tr", new() { HasText = "浏览器测试：政务大厅延时服务" });
        await Assertions.Expect(line).ToContainTextAsync("2.0");
        await phone.GetByRole(AriaRole.Link, new() { Name = "时长证明" }).First.ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=certificate]")).ToContainTextAsync("浏览器测试：政务大厅延时服务");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "volunteer-certificate.png"), FullPage = true });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "volunteer-activity.png"), FullPage = true });
    });
}
