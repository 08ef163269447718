using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Transfers;

/// <summary>
/// Transfers through the module's pages on the real host: between two demo agencies (the member, their stage dates,
/// their development case and their account move on acceptance, not before; the sending side cannot accept), within an
/// agency (the receiving branch's secretary accepts; a return needs its reason), and another agency's ids. The modules'
/// records (dues months, files) move in the acceptance's transaction: a module that fails undoes all of it.
/// </summary>
public sealed class TransfersTests : IClassFixture<TransfersTests.Portal>
{
    public sealed class Portal() : PortalFactory("transfers", "development", "dues");

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
        var letter = await _portal.AddStoredFileAsync(first, "development", $"step:{await _portal.IntAsync("SELECT MIN(\"Id\") FROM dev_step WHERE \"CaseId\" = @c", ("c", (await _portal.CaseOfAsync(person))!.Value))}");

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
        var movedCase = (await _portal.CaseOfAsync(moved))!.Value;
        Assert.Equal([1], await _portal.StepsOfAsync(movedCase));
        // The step's file (the application letter) went with the step's copy.
        var movedStep = await _portal.IntAsync("SELECT MIN(\"Id\") FROM dev_step WHERE \"CaseId\" = @c", ("c", movedCase));
        Assert.Equal((second, $"step:{movedStep}"), await _portal.StoredFileOwnerAsync(letter));
        // The account is a member of the second agency only.
        var agencies = await _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.User!.UserName == "transfer-a").Select(m => m.AgencyId).ToListAsync());
        Assert.Equal([second], agencies);
        var member = await _portal.SignedInAsync("transfer-a");
        Assert.Contains("已接收", await member.GetStringAsync("/m/transfers/Mine"));
        // The member's page shows the transfer: to the member, to the receiving office, and on the sending side's old record.
        Assert.Contains($"data-transfer-id=\"{transfer}\"", await member.GetStringAsync($"/Directory/Members/Details/{moved}"));
        Assert.Contains($"data-transfer-id=\"{transfer}\"", await office.GetStringAsync($"/Directory/Members/Details/{moved}"));
        await SwitchAsync(office, first);
        var sent = await office.GetStringAsync($"/Directory/Members/Details/{person}");
        Assert.Contains($"data-transfer-id=\"{transfer}\"", sent);
        Assert.Contains("已接收", sent);
        // Another agency's member page is not found, transfers or not.
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/Directory/Members/Details/{moved}")).StatusCode);
        // Both agencies' audit logs have the acceptance.
        var audited = await _portal.AuditEntriesAsync("member.transfer-accept", $"Directory.Transfer#{transfer}");
        Assert.Equal([first, second], audited.Where(e => e.Success).Select(e => e.AgencyId ?? 0).Order().ToList());
    }

    // A full member of the first agency's roster with dues paid, no account, no post and no transfer yet.
    private Task<int> PayingMemberAsync(int agencyId) =>
        _portal.IntAsync("SELECT MIN(m.\"Id\") FROM dir_member m WHERE m.\"AgencyId\" = @a AND m.\"Stage\" = 4 AND m.\"Situation\" = 0 AND m.\"UserId\" IS NULL " +
            "AND NOT EXISTS (SELECT 1 FROM dir_post p WHERE p.\"MemberId\" = m.\"Id\") AND NOT EXISTS (SELECT 1 FROM dir_transfer t WHERE t.\"FromMemberId\" = m.\"Id\") " +
            "AND NOT EXISTS (SELECT 1 FROM dues_hardship h WHERE h.\"MemberId\" = m.\"Id\") AND EXISTS (SELECT 1 FROM dues_paid_month d WHERE d.\"MemberId\" = m.\"Id\")", ("a", agencyId));

    // A hardship decision of next year for the member, with an evidence file, as the office would record it.
    private async Task<int> HardshipWithFileAsync(int agencyId, int memberId)
    {
        await _portal.ExecAsync("INSERT INTO dues_hardship (\"AgencyId\", \"MemberId\", \"Year\", \"FromMonth\", \"Kind\", \"Reason\", \"BranchAgreedOn\", \"ApprovedOn\", \"ApprovedBy\", \"Version\") " +
            "VALUES (@a, @m, @y, @f, 1, '长期患病', @d, @d, '上级党委', 1)", ("a", agencyId), ("m", memberId), ("y", Today.Year + 1), ("f", new DateOnly(Today.Year + 1, 1, 1)), ("d", Today));
        var hardship = await _portal.IntAsync("SELECT \"Id\" FROM dues_hardship WHERE \"MemberId\" = @m", ("m", memberId));
        return await _portal.AddStoredFileAsync(agencyId, "dues", $"hardship:{hardship}");
    }

    [Fact]
    public async Task Between_agencies_the_dues_months_and_files_go_along_shown_as_carried_and_the_sender_keeps_what_it_received()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var second = await SecondAgencyAsync();
        var person = await PayingMemberAsync(first);
        var months = await _portal.PaidMonthsAsync(person);
        var payments = await _portal.PaymentCountAsync(person);
        var file = await HardshipWithFileAsync(first, person);
        var office = await OfficeInAsync(first);
        await Ok(await StartAsync(office, person, second, null, Today));
        var transfer = await TransferOfAsync(person);
        await SwitchAsync(office, second);
        await Ok(await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today));

        var moved = await _portal.IntAsync("SELECT \"ToMemberId\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transfer));
        // The receiving agency has the months paid, carried, and the bases; the sender keeps the payments it received.
        Assert.Equal(months, await _portal.PaidMonthsAsync(moved));
        Assert.Equal(months.Count, await _portal.IntAsync("SELECT COUNT(*) FROM dues_paid_month WHERE \"MemberId\" = @m AND \"AgencyId\" = @a AND \"Carried\" = @c", ("m", moved), ("a", second), ("c", true)));
        Assert.Equal(payments, await _portal.IntAsync("SELECT COUNT(*) FROM dues_payment WHERE \"MemberId\" = @m AND \"CarriedFrom\" IS NOT NULL", ("m", moved)));
        Assert.Equal(payments, await _portal.IntAsync("SELECT COUNT(*) FROM dues_payment WHERE \"MemberId\" = @m AND \"AgencyId\" = @a", ("m", person), ("a", first)));
        Assert.True(await _portal.DuesBasesOfAsync(moved) > 0);
        Assert.Equal([0, 1], await _portal.IntsAsync("SELECT \"Direction\" FROM dues_move WHERE \"TransferId\" = @t ORDER BY \"Direction\"", ("t", transfer)));
        // The hardship's evidence went with the decision: the second agency's, under the copy's key; the first keeps none.
        var copy = await _portal.IntAsync("SELECT \"Id\" FROM dues_hardship WHERE \"MemberId\" = @m AND \"AgencyId\" = @a", ("m", moved), ("a", second));
        Assert.Equal((second, $"hardship:{copy}"), await _portal.StoredFileOwnerAsync(file));
        Assert.Equal(1, await _portal.StoredContentCountAsync([file]));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM host_file_data WHERE \"Id\" = @f AND \"AgencyId\" = @a", ("f", file), ("a", first)));
        // The receiving office sees them as carried on the member's dues record.
        var page = await office.GetStringAsync($"/m/dues/Members/Details/{moved}");
        Assert.Contains("data-testid=\"carried-in\"", page);
        Assert.Contains("data-testid=\"carried\"", page);
        // A carried payment's receipt says it was paid in the sending agency and carried in.
        var carried = await _portal.IntAsync("SELECT MIN(\"Id\") FROM dues_payment WHERE \"MemberId\" = @m AND \"AgencyId\" = @a", ("m", moved), ("a", second));
        var firstName = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Id == first).Select(a => a.Name).SingleAsync());
        var receipt = Html.Texts(await office.GetStringAsync($"/m/dues/Receipts/{carried}"), "[data-testid=receipt] dd");
        Assert.Contains($"在{firstName}交纳，随党员组织关系转入。", receipt);
    }

    [Fact]
    public async Task A_module_that_cannot_move_its_records_undoes_the_whole_acceptance_with_a_message()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var second = await SecondAgencyAsync();
        var person = await PayingMemberAsync(first);
        var file = await HardshipWithFileAsync(first, person);
        var office = await OfficeInAsync(first);
        await Ok(await StartAsync(office, person, second, null, Today));
        var transfer = await TransferOfAsync(person);
        var membersThere = await _portal.MembersOnTheRollAsync(second);
        // The dues module's last write fails (as a full disk or a lost connection would).
        await _portal.WithFailingWritesAsync("dues_move", async () =>
        {
            await SwitchAsync(office, second);
            var refused = await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = await refused.Content.ReadAsStringAsync();
            Assert.Contains("未能随该党员转移，本次接收未办理", message);
            // The module as the office knows it (its manifest's name), not its id.
            Assert.Contains("模块“党费管理”的记录", message);
            Assert.DoesNotContain("模块“dues”", message);
        });
        // Nothing happened: the transfer is open, the member where they were with their dues and file, nobody new in the second agency.
        Assert.Equal(0, await StateAsync(transfer));
        Assert.Equal(0, await _portal.IntAsync("SELECT \"Situation\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        Assert.Equal(membersThere, await _portal.MembersOnTheRollAsync(second));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM dues_move WHERE \"TransferId\" = @t", ("t", transfer)));
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM dues_payment WHERE \"AgencyId\" = @a AND \"CarriedFrom\" IS NOT NULL", ("a", second)));
        Assert.Equal(first, (await _portal.StoredFileOwnerAsync(file)).AgencyId);
        Assert.Contains(await _portal.AuditEntriesAsync("member.transfer-moved", $"Directory.Transfer#{transfer}"), e => !e.Success);

        // Once the fault is gone, the same acceptance goes through.
        await Ok(await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today));
        Assert.Equal(1, await StateAsync(transfer));
    }

    [Fact]
    public async Task An_account_that_cannot_move_undoes_the_whole_acceptance_and_then_moves_with_the_member()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var second = await SecondAgencyAsync();
        var person = await _portal.AddApplicantWithAccountAsync("转接测试乙", "transfer-b", Today.AddYears(-28));
        var office = await OfficeInAsync(first);
        await Ok(await StartAsync(office, person, second, null, Today));
        var transfer = await TransferOfAsync(person);
        var membersThere = await _portal.MembersOnTheRollAsync(second);
        Task<List<int>> AccountAgenciesAsync() =>
            _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.User!.UserName == "transfer-b").Select(m => m.AgencyId).ToListAsync());
        // Writing the account's new membership fails (as a lost connection would), after the member's rows were written.
        await SwitchAsync(office, second);
        await _portal.WithFailingWritesAsync("\"AgencyMemberships\"", async () =>
        {
            var refused = await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("该党员的账号未能随其转移，本次接收未办理", await refused.Content.ReadAsStringAsync());
        });
        // Neither the member nor the account moved: both are the first agency's, the transfer still open.
        Assert.Equal(0, await StateAsync(transfer));
        Assert.Equal(0, await _portal.IntAsync("SELECT \"Situation\" FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM dir_member WHERE \"Id\" = @m AND \"UserId\" IS NOT NULL", ("m", person)));
        Assert.Equal(membersThere, await _portal.MembersOnTheRollAsync(second));
        Assert.Equal([first], await AccountAgenciesAsync());

        // Once the fault is gone, the member and the account move together.
        await Ok(await AcceptAsync(office, transfer, await OrgAsync(second, "综合处党支部"), Today));
        var moved = await _portal.IntAsync("SELECT \"ToMemberId\" FROM dir_transfer WHERE \"Id\" = @t", ("t", transfer));
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM dir_member WHERE \"Id\" = @m AND \"AgencyId\" = @a AND \"UserId\" IS NOT NULL", ("m", moved), ("a", second)));
        Assert.Equal([second], await AccountAgenciesAsync());
        var audited = await _portal.AuditEntriesAsync("agency.membership.added", "Account:transfer-b");
        Assert.Contains(audited, e => e.Success && e.AgencyId == second);
    }

    [Fact]
    public async Task Files_move_only_with_an_accepted_transfer_of_that_person()
    {
        var first = await _portal.DemoAgencyIdAsync();
        var second = await SecondAgencyAsync();
        var person = await PayingMemberAsync(first);
        var file = await _portal.AddStoredFileAsync(first, "dues", $"hardship:{900000 + person}");
        var office = await OfficeInAsync(first);
        await Ok(await StartAsync(office, person, second, null, Today));
        var open = await TransferOfAsync(person);
        var branch = await _portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Id\" = @m", ("m", person));
        var there = await OrgAsync(second, "综合处党支部");

        // From the sending agency, yet with no transfer, or one not accepted: refused, the file stays where it is.
        foreach (var transferId in new[] { 0, open })
        {
            var move = new Modular.Sdk.MemberMove(transferId, first, person, branch, second, person, there, Today);
            using var _ = Modular.Host.Tenancy.AgencyScope.Use(first);
            await using var scope = _portal.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<Modular.Sdk.IFileStore>();
            var db = scope.ServiceProvider.GetRequiredService<Modular.Host.Files.FileDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<Modular.Sdk.AgencyScopeException>(() =>
                store.MoveAllAsync("dues", new Dictionary<string, string> { [$"hardship:{900000 + person}"] = "hardship:1" }, move, db));
        }
        Assert.Equal((first, $"hardship:{900000 + person}"), await _portal.StoredFileOwnerAsync(file));
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
