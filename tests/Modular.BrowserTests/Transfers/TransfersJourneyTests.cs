using Microsoft.Playwright;
using Modular.BrowserTests.Infrastructure;
using Modular.Tests.Infrastructure;

namespace Modular.BrowserTests.Transfers;

public sealed class TransfersBrowserFixture() : BrowserFixture("transfers", "development", "dues");

/// <summary>Transfers as the two Party offices meet them: one agency sends a member, the other accepts and places them.</summary>
public sealed class TransfersJourneyTests(TransfersBrowserFixture fixture) : BrowserTest(fixture), IClassFixture<TransfersBrowserFixture>
{
    [Fact]
    public Task A_member_moves_to_another_agency_when_its_office_accepts() => StepsAsync("transfer-between-agencies", async () =>
    {
        var portal = Fixture.Portal;
        var first = await portal.DemoAgencyIdAsync();
        // A full member of the first branch without a post or an account, with a date of joining to recognise and dues paid.
        var row = await portal.QueryAsync(
            "SELECT m.\"Id\" || '|' || m.\"Name\" || '|' || m.\"JoinedDate\" FROM dir_member m JOIN dir_organization o ON o.\"Id\" = m.\"OrganizationId\" " +
            "WHERE m.\"AgencyId\" = @a AND o.\"Name\" = '第一党支部' AND m.\"Stage\" = 4 AND m.\"Situation\" = 0 AND m.\"UserId\" IS NULL AND m.\"JoinedDate\" IS NOT NULL " +
            "AND NOT EXISTS (SELECT 1 FROM dir_post p WHERE p.\"MemberId\" = m.\"Id\") AND EXISTS (SELECT 1 FROM dues_paid_month d WHERE d.\"MemberId\" = m.\"Id\") " +
            "ORDER BY m.\"Id\" LIMIT 1", ("a", first));
        var parts = Assert.Single(row).Split('|');
        var (memberId, name, joined) = (parts[0], parts[1], parts[2]);

        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/transfers"));
        await Page.GetByTestId("start").ClickAsync();
        await Page.Locator("#Input_MemberId").SelectOptionAsync(memberId);
        await Page.GetByLabel("本平台上的其他单位").CheckAsync();
        await Page.GetByLabel("接收单位").SelectOptionAsync(new SelectOptionValue { Label = "XX市委政策研究室" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "转出" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已转出，接收方接收后生效。")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("state")).ToHaveTextAsync("待接收");
        // Until the other office accepts, the member stays on this roster as they were.
        await Page.GotoAsync(Url($"/Directory/Members/Details/{memberId}"));
        await Assertions.Expect(Page.GetByTestId("situation")).ToContainTextAsync("正常");

        await Page.Locator("#switch-agency").SelectOptionAsync(new SelectOptionValue { Label = "市委政研室" });
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.GotoAsync(Url("/m/transfers"));
        await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.GetByLabel("转入党组织").SelectOptionAsync(new SelectOptionValue { Label = "综合处党支部" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "接收", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("已接收：该党员已转入所选党组织。")).ToBeVisibleAsync();
        await Page.GetByTestId("member-link").ClickAsync();
        // In the other agency with their history: the stage and the date of joining came along.
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(Page.GetByTestId("stage")).ToHaveTextAsync("正式党员");
        await Assertions.Expect(Page.GetByText(joined)).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("综合处党支部").First).ToBeVisibleAsync();
        // Their page shows the transfer, and their dues months came along, shown as carried.
        await Assertions.Expect(Page.GetByTestId("transfers")).ToContainTextAsync("已接收");
        var newId = Page.Url.Split('/').Last();
        await Page.GotoAsync(Url($"/m/dues/Members/Details/{newId}"));
        await Assertions.Expect(Page.GetByTestId("carried-in")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("paid-through")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(Page.GetByTestId("carried").First).ToBeVisibleAsync();

        // Gone from the first agency's roster: only a record of the transfer out is left there.
        await Page.Locator("#switch-agency").SelectOptionAsync(new SelectOptionValue { Label = "市数据资源局" });
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.GotoAsync(Url($"/Directory/Members?q={Uri.EscapeDataString(name)}&situation=Normal"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync(Url($"/Directory/Members/Details/{memberId}"));
        await Assertions.Expect(Page.GetByTestId("situation")).ToContainTextAsync("已转出");
        await Assertions.Expect(Page.GetByTestId("transfers")).ToContainTextAsync("综合处党支部");
    });

    [Fact]
    public Task A_letter_past_its_validity_shows_as_a_pocket_member() => StepsAsync("pocket-member", async () =>
    {
        await SignInAsync("office");
        await Page.GotoAsync(Url("/m/transfers/Pocket"));
        // The demo letter of 赵明远 was issued four months ago for three and has no return slip.
        await Assertions.Expect(Page.GetByTestId("pocket")).ToContainTextAsync("赵明远");
        await Assertions.Expect(Page.GetByTestId("pocket")).Not.ToContainTextAsync("钱晓静");
    });
}
