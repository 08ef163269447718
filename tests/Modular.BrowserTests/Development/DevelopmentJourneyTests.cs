using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Development;

public sealed class DevelopmentBrowserFixture() : BrowserFixture("development");

/// <summary>
/// Member development as the Party office meets it: one person from the written application to full membership through
/// all 25 steps, each entered with its date in the past so that the time gates pass, ending with a full member in the
/// directory; and a gate that refuses with its Chinese message next to the field.
/// </summary>
public sealed class DevelopmentJourneyTests(DevelopmentBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<DevelopmentBrowserFixture>
{
    private DateOnly Today => Fixture.Portal.Today;

    /// <summary>How many days ago each step happened: a year as activist before candidacy, a year of probation from the vote.</summary>
    private static readonly int[] DaysAgo =
        [0, 800, 790, 780, 775, 770, 600, 410, 405, 400, 395, 390, 388, 387, 386, 385, 380, 375, 370, 369, 368, 200, 25, 10, 5, 1];

    private string On(int step) => Today.AddDays(-DaysAgo[step]).ToString("yyyy-MM-dd");

    /// <summary>
    /// Puts an applicant on the first branch's roster, as the office does in the directory before the application is
    /// entered; with <paramref name="userName"/>, linked to an account of their own (a member of the agency).
    /// </summary>
    private async Task AddApplicantAsync(string name, DateOnly birthDate, string? userName = null)
    {
        var agency = await Fixture.Portal.DemoAgencyIdAsync();
        using var _ = AgencyScope.Use(agency);
        await using var scope = Fixture.Portal.Services.CreateAsyncScope();
        string? userId = null;
        if (userName is not null)
        {
            var user = new PortalUser { UserName = userName, DisplayName = name };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
            var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            host.AgencyMemberships.Add(new AgencyMembership { AgencyId = agency, UserId = user.Id, Roles = Roles.Member });
            await host.SaveChangesAsync();
            userId = user.Id;
        }
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var branch = await db.Organizations.Where(o => o.Name == "第一党支部").Select(o => o.Id).FirstAsync();
        db.Members.Add(new Member { Name = name, OrganizationId = branch, Stage = MemberStage.Applicant, BirthDate = birthDate, UserId = userId });
        await db.SaveChangesAsync();
    }

    /// <summary>Enters the application of <paramref name="name"/> and records steps 2 to <paramref name="upTo"/> (at most 5, the mentor <paramref name="mentor"/>).</summary>
    private async Task StartAsync(string name, int upTo, string mentor)
    {
        await Page.GotoAsync(Url("/m/development/Cases/Open"));
        await Page.Locator("#Input_MemberId").SelectOptionAsync(new SelectOptionValue { Label = name });
        await Page.GetByLabel("递交入党申请书的日期").FillAsync(On(1));
        await Page.GetByRole(AriaRole.Button, new() { Name = "登记入党申请" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("入党申请已登记。")).ToBeVisibleAsync();
        for (var step = 2; step <= upTo; step++)
        {
            var form = Page.Locator("[data-testid=record-step]");
            await form.Locator("#Input_Date").FillAsync(On(step));
            if (step == 5) await form.GetByLabel("培养联系人 1").SelectOptionAsync(new SelectOptionValue { Label = mentor });
            await form.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByText($"第 {step} 步已记录。")).ToBeVisibleAsync();
        }
    }

    private Task ShotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, name + ".png"), FullPage = true });

    [Fact]
    public Task The_office_takes_one_person_from_the_application_to_full_membership() => StepsAsync("development-journey", async () =>
    {
        const string name = "浏览器发展甲";
        await AddApplicantAsync(name, Today.AddYears(-28));
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/development"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "登记入党申请" }).ClickAsync();
        await Page.Locator("#Input_MemberId").SelectOptionAsync(new SelectOptionValue { Label = name });
        await Page.GetByLabel("递交入党申请书的日期").FillAsync(On(1));
        await Page.GetByRole(AriaRole.Button, new() { Name = "登记入党申请" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("入党申请已登记。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);

        for (var step = 2; step <= 25; step++)
        {
            var form = Page.Locator("[data-testid=record-step]");
            await Assertions.Expect(form.GetByRole(AriaRole.Heading)).ToContainTextAsync($"记录第 {step} 步");
            await form.Locator("#Input_Date").FillAsync(On(step));
            switch (step)
            {
                case 5:
                    await form.GetByLabel("培养联系人 1").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                    break;
                case 9:
                    await form.GetByLabel("入党介绍人 1").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                    await form.GetByLabel("入党介绍人 2").SelectOptionAsync(new SelectOptionValue { Index = 2 });
                    break;
                case 10:
                    await form.Locator("#Input_Conclusion").FillAsync("经审查，本人政治历史清楚，政治审查合格。");
                    break;
                case 11:
                    await form.GetByLabel("天数").FillAsync("3");
                    break;
                case 15 or 23:
                    // Those due come from the directory; all present and for.
                    var due = await form.Locator("#Input_Vote_Entitled").InputValueAsync();
                    await form.Locator("#Input_Vote_Present").FillAsync(due);
                    await form.Locator("#Input_Vote_For").FillAsync(due);
                    if (step == 23) await form.Locator("#Input_Outcome").SelectOptionAsync(new SelectOptionValue { Label = "按期转正" });
                    break;
            }
            if (step == 15) await ShotAsync("development-journey-vote");
            await form.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
            await Assertions.Expect(Page.GetByText($"第 {step} 步已记录。")).ToBeVisibleAsync();
        }
        await Assertions.Expect(Page.Locator("[data-testid=record-step]")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByText("已完成").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(25);
        await ShotAsync("development-journey-done");

        // The directory has them as a full member, from the day probation ended.
        await Page.GotoAsync(Url("/Directory/Members?q=" + Uri.EscapeDataString(name)));
        var row = Page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("正式党员");
    });

    [Fact]
    public Task A_gate_refuses_with_its_chinese_message_next_to_the_field() => StepsAsync("development-gate", async () =>
    {
        const string name = "浏览器未满十八乙";
        await AddApplicantAsync(name, Today.AddYears(-18).AddDays(3));
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/development/Cases/Open"));
        await Page.Locator("#Input_MemberId").SelectOptionAsync(new SelectOptionValue { Label = name });
        var date = Page.GetByLabel("递交入党申请书的日期");
        await date.FillAsync(Today.ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "登记入党申请" }).ClickAsync();
        // Next to the date, in Chinese; the input kept.
        var message = Page.Locator("[data-valmsg-for='Input.Date']");
        await Assertions.Expect(message).ToContainTextAsync("须年满十八岁");
        await Assertions.Expect(date).ToHaveValueAsync(Today.ToString("yyyy-MM-dd"));
        await Assertions.Expect(Page.Locator("#Input_MemberId")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\\d+"));
        await ShotAsync("development-gate");
    });

    [Fact]
    public Task Applicant_mentor_secretary_and_office_read_their_pages_on_a_phone_and_a_desktop() => StepsAsync("development-walk", async () =>
    {
        const string name = "浏览器走查丙";
        await AddApplicantAsync(name, Today.AddYears(-26), "dev-walk");
        await SignInAsync("office");
        // 李晓梅 (the demo user "member") is named the mentor.
        await StartAsync(name, 5, "李晓梅");
        var caseUrl = Page.Url;
        var walks = new (string User, string[] Paths)[]
        {
            ("office", ["/m/development", "/m/development/Agency", "/m/development/Notices", "/m/development/Cases/Open", caseUrl]),
            ("secretary", ["/m/development", caseUrl]),
            ("member", ["/m/development/Mine", caseUrl]),
            ("dev-walk", ["/m/development/Mine", caseUrl, "/m/development/Notices"]),
        };
        foreach (var (user, paths) in walks)
        {
            var page = await SecondPersonAsync();
            await SignInAsync(page, user);
            for (var i = 0; i < paths.Length; i++)
            {
                var path = paths[i].StartsWith("http", StringComparison.Ordinal) ? paths[i] : Url(paths[i]);
                await page.SetViewportSizeAsync(390, 844);
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{user} {paths[i]}: {response.Status}");
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(width <= 390, $"{user} {paths[i]} scrolls sideways on a phone: {width}px");
                // The module's crumb once (the case is reached from it); no empty hint of a validation summary.
                await Assertions.Expect(page.Locator(".breadcrumb-item", new() { HasText = "发展党员" })).ToHaveCountAsync(1);
                await Assertions.Expect(page.Locator("[data-valmsg-summary]:visible")).ToHaveCountAsync(0);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"development-walk-{user}-{i}-phone.png"), FullPage = true });
                // A mentor, already a member, is not told how to apply.
                if (user == "member" && paths[i].EndsWith("/Mine", StringComparison.Ordinal))
                {
                    await Assertions.Expect(page.Locator(".empty-state")).ToHaveCountAsync(0);
                    await Assertions.Expect(page.GetByTestId("named")).ToContainTextAsync(name);
                }
                await page.SetViewportSizeAsync(1366, 900);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"development-walk-{user}-{i}-desktop.png"), FullPage = true });
            }
        }
    });
}
