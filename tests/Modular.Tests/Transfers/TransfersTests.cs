using System.Net;
using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Transfers;

/// <summary>
/// Transfers through the module's pages on the real host: between two demo agencies (the member, their stage dates,
/// their development case and their account move on acceptance, not before; the sending side cannot accept), within an
/// agency (the receiving branch's secretary accepts; a return needs its reason), and another agency's ids.
/// </summary>
public sealed class TransfersTests : IClassFixture<TransfersTests.Portal>
{
    public sealed class Portal() : PortalFactory("transfers", "development");

    private readonly Portal _portal;
    public TransfersTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static string Details(int id) => $"/m/transfers/Details/{id}";

    private async Task<int> SecondAgencyAsync() =>
        await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Code == "ZYS").Select(a => a.Id).SingleAsync());

    private Task<int> OrgAsync(int agencyId, string name) =>
        _portal.IntAsync("SELECT \"Id\" FROM dir_organization WHERE \"AgencyId\" = @a AND \"Name\" = @n", ("a", agencyId), ("n", name));

    private Task<int> TransferOfAsync(int memberId) =>
        _portal.IntAsync("SELECT MAX(\"Id\") FROM dir_transfer WHERE \"FromMemberId\" = @m", ("m", memberId));

    private Task<string> VersionAsync(int transferId) =>
        _portal.TextAsync("SELECT \"Version\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transferId));

    private Task<int> StateAsync(int transferId) => _portal.IntAsync("SELECT \"State\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transferId));

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, int memberId, int? toAgency, int? toOrg, DateOnly date) =>
        client.PostFormAsync("/m/transfers/Start", new Dictionary<string, string>
        {
            ["Input.MemberId"] = memberId.ToString(), ["Input.Destination"] = toAgency is null ? "branch" : "agency",
            ["Input.ToAgencyId"] = toAgency?.ToString() ?? "", ["Input.ToOrganizationId"] = toOrg?.ToString() ?? "", ["Input.Date"] = Day(date), ["Input.DuesMonth"] = "",
        });

    private async Task<HttpResponseMessage> AcceptAsync(HttpClient client, int transferId, int orgId, DateOnly date) =>
        await client.PostFormAsync(Details(transferId), new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = orgId.ToString(), ["Input.Date"] = Day(date), ["Input.Version"] = await VersionAsync(transferId),
        }, $"{Details(transferId)}?handler=Accept");

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    // The office serves both demo agencies and starts where it was last: each test says where it works.
    private async Task<HttpClient> OfficeInAsync(int agencyId)
    {
        var office = await _portal.SignedInAsync("office");
        await SwitchAsync(office, agencyId);
        return office;
    }

    private static async Task SwitchAsync(HttpClient client, int agencyId) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = agencyId.ToString() }, "/Account/SwitchAgency")).StatusCode);

    [Fact]
    public async Task Between_agencies_the_member_moves_with_their_dates_case_and_account_only_when_the_receiving_office_accepts()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var second = await SecondAgencyAsync();
        var person = await _portal.AddApplicantWithAccountAsync("转接测试甲", "transfer-a", Today.AddYears(-30));
        var office = await OfficeInAsync(first);
        await Ok(await office.PostFormAsync("/m/development/Cases/Open", new Dictionary<string, string> { ["Input.MemberId"] = person.ToString(), ["Input.Date"] = Day(Today.AddDays(-20)) }));
        var applied = await _portal.TextAsync("SELECT \"ApplicationDate\" FROM dir_member WHERE \"Id\" = @m", ("m", person));

        await Ok(await StartAsync(office, person, second, null, Today));
        var transfer = await TransferOfAsync(person);
        Assert.Equal(0, await StateAsync(transfer));
        // Sent, not accepted: the member is still where they were, and the sending agency cannot accept its own transfer.
        Assert.Equal(0, await _portal.IntAsync("SELECT \"Situation\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        var own = await AcceptAsync(office, transfer, await OrgAsync(first, "第二党支部"), Today);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal(0, await StateAsync(transfer));

        await SwitchAsync(office, second);
        Assert.Contains("转接测试甲", await office.GetStringAsync(Details(transfer)));
        // Accepting before the day it was sent is refused next to the date, nothing moves.
        var early = await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today.AddDays(-1));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("接收日期不能早于转出日期", await early.Content.ReadAsStringAsync());
        await Ok(await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today));

        Assert.Equal(1, await StateAsync(transfer));
        var moved = await _portal.IntAsync("SELECT \"ToMemberId\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transfer));
        Assert.NotEqual(person, moved);
        Assert.Equal(second, await _portal.IntAsync("SELECT \"AgencyId\" FROM dir_member WHERE \"Id\" = @m", ("m", moved)));
        Assert.Equal(applied, await _portal.TextAsync("SELECT \"ApplicationDate\" FROM dir_member WHERE \"Id\" = @m", ("m", moved)));
        // The first agency keeps the old record off the roster, without the account.
        Assert.Equal(4, await _portal.IntAsync("SELECT \"Situation\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM dir_member WHERE \"Id\" = @m AND \"UserId\" IS NOT NULL", ("m", person)));
        // The development case went along; none is left behind.
        Assert.Equal(second, await _portal.IntAsync("SELECT \"AgencyId\" FROM dev_case WHERE \"MemberId\" = @m", ("m", moved)));
        Assert.Null(await _portal.CaseOfAsync(person));
        Assert.Equal([1], await _portal.StepsOfAsync((await _portal.CaseOfAsync(moved))!.Value));
        // The account is a member of the second agency only.
        var agencies = await _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.User!.UserName == "transfer-a").Select(m => m.AgencyId).ToListAsync());
        Assert.Equal([second], agencies);
        var member = await _portal.SignedInAsync("transfer-a");
        Assert.Contains("已接收", await member.GetStringAsync("/m/transfers/Mine"));
        // Both agencies' audit logs have the acceptance.
        var audited = await _portal.AuditEntriesAsync("member.transfer-accept", $"Directory.Transfer#{transfer}");
        Assert.Equal([first, second], audited.Where(e => e.Success).Select(e => e.AgencyId ?? 0).Order().ToList());
    }

    [Fact]
    public async Task Within_the_agency_the_receiving_branch_s_secretary_accepts_and_a_return_needs_its_reason()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var office = await OfficeInAsync(first);
        var secondBranch = await OrgAsync(first, "第二党支部");
        var firstBranch = await OrgAsync(first, "第一党支部");
        var person = await _portal.IntAsync("SELECT MIN(\"Id\") FROM dir_member m WHERE \"OrganizationId\" = @o AND \"Stage\" = 4 AND \"Situation\" = 0 AND \"UserId\" IS NULL " +
            "AND NOT EXISTS (SELECT 1 FROM dir_post p WHERE p.\"MemberId\" = m.\"Id\") AND NOT EXISTS (SELECT 1 FROM dir_transfer t WHERE t.\"FromMemberId\" = m.\"Id\")", ("o", secondBranch));

        // A member cannot start one; the office can.
        var member = await _portal.SignedInAsync("member");
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/m/transfers/Start")).StatusCode);
        await Ok(await StartAsync(office, person, null, firstBranch, Today));
        var transfer = await TransferOfAsync(person);
        // A second open transfer of the same member is refused.
        Assert.Contains("该党员已有正在办理的转接", await (await StartAsync(office, person, null, await OrgAsync(first, "信息中心党支部"), Today)).Content.ReadAsStringAsync());

        var secretary = await _portal.SignedInAsync("secretary");
        var returned = await secretary.PostFormAsync(Details(transfer), new Dictionary<string, string> { ["Input.Reason"] = " ", ["Input.Version"] = await VersionAsync(transfer) },
            $"{Details(transfer)}?handler=Return");
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.Contains("请填写理由。", await returned.Content.ReadAsStringAsync());
        await Ok(await AcceptAsync(secretary, transfer, firstBranch, Today));
        Assert.Equal(firstBranch, await _portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        Assert.Equal(person, await _portal.IntAsync("SELECT \"ToMemberId\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transfer)));

        // Sent back from 第一党支部 to 第二党支部: its secretary is not 第二党支部's, so they may not decide.
        await Ok(await StartAsync(office, person, null, secondBranch, Today));
        var back = await TransferOfAsync(person);
        Assert.NotEqual(HttpStatusCode.Redirect, (await AcceptAsync(secretary, back, secondBranch, Today)).StatusCode);
        await Ok(await office.PostFormAsync(Details(back), new Dictionary<string, string> { ["Input.Reason"] = "本人仍在原处室工作", ["Input.Version"] = await VersionAsync(back) },
            $"{Details(back)}?handler=Return"));
        Assert.Equal(2, await StateAsync(back));
        Assert.Equal(firstBranch, await _portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
    }

    [Fact]
    public async Task Another_agency_s_member_cannot_be_sent_and_its_transfers_within_are_not_found()
    {
        var second = await SecondAgencyAsync();
        var first = await _portal.DemoAgencyIdAsync();
        var stranger = await _portal.IntAsync("SELECT MIN(\"Id\") FROM dir_member WHERE \"AgencyId\" = @a AND \"Situation\" = 0", ("a", second));
        var office = await OfficeInAsync(first);
        var refused = await StartAsync(office, stranger, null, await OrgAsync(first, "第一党支部"), Today);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("本单位没有这名人员。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM dir_transfer WHERE \"FromMemberId\" = @m AND \"FromAgencyId\" = @a", ("m", stranger), ("a", first)));

        // The demo's move between two branches of the first agency is that agency's alone.
        var within = await _portal.IntAsync("SELECT MIN(\"Id\") FROM dir_transfer WHERE \"FromAgencyId\" = @a AND \"ToAgencyId\" = @a", ("a", first));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(Details(within))).StatusCode);
        await SwitchAsync(office, second);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Details(within))).StatusCode);
        Assert.Equal(0, await StateAsync(within));
    }
}
