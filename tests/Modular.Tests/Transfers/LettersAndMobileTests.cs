using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Transfers;

/// <summary>
/// Letters out of the portal, arrivals into it and mobile members, through the pages: the directory's situation follows
/// each step (transferred out, back, mobile, lost contact with its date), numbers count per year, the Word letter has
/// its three parts, and another agency's letters and entries are not found.
/// </summary>
public sealed class LettersAndMobileTests : IClassFixture<LettersAndMobileTests.Portal>
{
    public sealed class Portal() : PortalFactory("transfers");

    private readonly Portal _portal;
    public LettersAndMobileTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<HttpClient> OfficeAsync()
    {
        var office = await _portal.SignedInAsync("office");
        var first = await _portal.DemoAgencyIdAsync();
        await office.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = first.ToString() }, "/Account/SwitchAgency");
        return office;
    }

    private Task<int> SituationAsync(int memberId) => _portal.IntAsync("SELECT \"Situation\" FROM dir_member WHERE \"Id\" = @m", ("m", memberId));

    private async Task<int> PlainMemberAsync(string branch, int skip = 0)
    {
        var ids = await _portal.IntsAsync("SELECT m.\"Id\" FROM dir_member m JOIN dir_organization o ON o.\"Id\" = m.\"OrganizationId\" WHERE o.\"Name\" = @b " +
            "AND m.\"AgencyId\" = @a AND m.\"Stage\" = 4 AND m.\"Situation\" = 0 AND m.\"UserId\" IS NULL AND NOT EXISTS (SELECT 1 FROM dir_post p WHERE p.\"MemberId\" = m.\"Id\") " +
            "AND NOT EXISTS (SELECT 1 FROM dir_transfer t WHERE t.\"FromMemberId\" = m.\"Id\") ORDER BY m.\"Id\"", ("b", branch), ("a", await _portal.DemoAgencyIdAsync()));
        return ids[skip];
    }

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, int memberId, string destination, DateOnly issued, int months = 3, string dues = "") =>
        client.PostFormAsync("/m/transfers/Letters/Issue", new Dictionary<string, string>
        {
            ["Input.MemberId"] = memberId.ToString(), ["Input.Destination"] = destination, ["Input.IssuedOn"] = Day(issued),
            ["Input.ValidityMonths"] = months.ToString(), ["Input.DuesMonth"] = dues,
        });

    private Task<int> LetterOfAsync(int memberId) => _portal.IntAsync("SELECT MAX(\"Id\") FROM tr_letter WHERE \"MemberId\" = @m", ("m", memberId));

    private async Task<HttpResponseMessage> LetterActionAsync(HttpClient client, int letterId, string handler, Dictionary<string, string> fields)
    {
        var url = $"/m/transfers/Letters/Details/{letterId}";
        fields["Input.Version"] = await _portal.TextAsync("SELECT \"Version\" FROM tr_letter WHERE \"Id\" = @l", ("l", letterId));
        return await client.PostFormAsync(url, fields, $"{url}?handler={handler}");
    }

    [Fact]
    public async Task A_letter_takes_the_member_off_the_roster_counts_its_number_and_past_its_validity_lists_a_pocket_member_until_the_slip()
    {
        var office = await OfficeAsync();
        var person = await PlainMemberAsync("第二党支部");
        var bad = await IssueAsync(office, person, " ", Today, 13, "2026/11");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写组织关系转往的党组织。", html);
        Assert.Contains("有效期为 1 至 12 个月。", html);
        Assert.Equal(0, await SituationAsync(person));

        // Issued three months and a day ago for three months: its last valid day was yesterday.
        var issued = Today.AddMonths(-3).AddDays(-1);
        await Ok(await IssueAsync(office, person, "中共某市某区委组织部", issued, dues: "2026-06"));
        var letter = await LetterOfAsync(person);
        Assert.Equal(4, await SituationAsync(person));
        var year = issued.Year;
        var numbers = await _portal.IntsAsync("SELECT \"Sequence\" FROM tr_letter WHERE \"Year\" = @y ORDER BY \"Sequence\"", ("y", year));
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Contains(person.ToString(), await _portal.TextAsync("SELECT \"MemberId\" FROM tr_letter WHERE \"Id\" = @l", ("l", letter)));

        var pocket = await office.GetStringAsync("/m/transfers/Pocket");
        var name = await _portal.TextAsync("SELECT \"Name\" FROM dir_member WHERE \"Id\" = @m", ("m", person));
        Assert.Contains(name, pocket);

        var word = await office.GetAsync($"/m/transfers/Letters/Details/{letter}?handler=Word");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType?.MediaType);

        // A slip dated before the letter is refused; the right one resolves the pocket member.
        var early = await LetterActionAsync(office, letter, "Slip", new() { ["Input.ReceivedOn"] = Day(issued.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await Ok(await LetterActionAsync(office, letter, "Slip", new() { ["Input.ReceivedOn"] = Day(Today), ["Input.SlipNote"] = "已盖章" }));
        Assert.DoesNotContain(name, await office.GetStringAsync("/m/transfers/Pocket"));
    }

    [Fact]
    public async Task A_cancelled_letter_puts_the_member_back_and_a_reissued_one_takes_the_next_number()
    {
        var office = await OfficeAsync();
        var stays = await PlainMemberAsync("第二党支部", 1);
        await Ok(await IssueAsync(office, stays, "中共某县委组织部", Today));
        var letter = await LetterOfAsync(stays);
        Assert.Contains("请填写理由。", await (await LetterActionAsync(office, letter, "Cancel", new() { ["Input.Note"] = "" })).Content.ReadAsStringAsync());
        await Ok(await LetterActionAsync(office, letter, "Cancel", new() { ["Input.Note"] = "本人未调动" }));
        Assert.Equal(0, await SituationAsync(stays));

        var goes = await PlainMemberAsync("第二党支部", 2);
        await Ok(await IssueAsync(office, goes, "中共某县委组织部", Today));
        var first = await LetterOfAsync(goes);
        await Ok(await LetterActionAsync(office, first, "Reissue", new() { ["Input.Note"] = "介绍信遗失" }));
        var second = await LetterOfAsync(goes);
        Assert.NotEqual(first, second);
        Assert.Equal(3, await _portal.IntAsync("SELECT \"Status\" FROM tr_letter WHERE \"Id\" = @l", ("l", first)));
        Assert.Equal(1 + await _portal.IntAsync("SELECT \"Sequence\" FROM tr_letter WHERE \"Id\" = @l", ("l", first)),
            await _portal.IntAsync("SELECT \"Sequence\" FROM tr_letter WHERE \"Id\" = @l", ("l", second)));
        Assert.Equal(4, await SituationAsync(goes));
    }

    [Fact]
    public async Task An_arrival_from_outside_is_placed_with_its_stage_and_a_letter_registers_once()
    {
        var office = await OfficeAsync();
        var branch = await _portal.IntAsync("SELECT \"Id\" FROM dir_organization WHERE \"AgencyId\" = @a AND \"Name\" = '第一党支部'", ("a", await _portal.DemoAgencyIdAsync()));
        Dictionary<string, string> Form(string joined) => new()
        {
            ["Input.Origin"] = "中共某省某厅机关委员会", ["Input.LetterNumber"] = "〔2026〕031号", ["Input.Date"] = Day(Today), ["Input.Name"] = "转入测试乙",
            ["Input.Gender"] = "Female", ["Input.Stage"] = "FullMember", ["Input.JoinedDate"] = joined, ["Input.FullMemberDate"] = Day(Today.AddYears(-9)),
            ["Input.OrganizationId"] = branch.ToString(), ["Input.DuesMonth"] = "",
        };
        // Full membership less than a year after joining is refused by the roster's own rule.
        var refused = await office.PostFormAsync("/m/transfers/Arrivals", Form(Day(Today.AddYears(-9).AddMonths(-6))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await _portal.IntAsync("SELECT COUNT(*) FROM dir_member WHERE \"Name\" = '转入测试乙'"));
        await Ok(await office.PostFormAsync("/m/transfers/Arrivals", Form(Day(Today.AddYears(-10)))));
        Assert.Equal(branch, await _portal.IntAsync("SELECT \"OrganizationId\" FROM dir_member WHERE \"Name\" = '转入测试乙'"));
        Assert.Equal(4, await _portal.IntAsync("SELECT \"Stage\" FROM dir_member WHERE \"Name\" = '转入测试乙'"));
        Assert.Contains("这封介绍信已登记过。", await (await office.PostFormAsync("/m/transfers/Arrivals", Form(Day(Today.AddYears(-10))))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mobile_member_keeps_counting_and_lost_contact_is_its_own_situation_with_its_date_and_attempts()
    {
        var office = await OfficeAsync();
        var person = await PlainMemberAsync("第一党支部", 3);
        var since = Today.AddMonths(-2);
        await Ok(await office.PostFormAsync("/m/transfers/Mobile/Edit", new Dictionary<string, string>
        {
            ["Input.MemberId"] = person.ToString(), ["Input.Place"] = "广东省深圳市", ["Input.Since"] = Day(since), ["Input.Contact"] = "",
            ["Input.ManagingOrganization"] = "某街道党工委", ["Input.CertificateNumber"] = "LD0001", ["Input.CertificateIssuedOn"] = Day(since), ["Input.Version"] = "0",
        }));
        Assert.Equal(1, await SituationAsync(person));
        var entry = await _portal.IntAsync("SELECT MAX(\"Id\") FROM tr_mobile WHERE \"MemberId\" = @m", ("m", person));
        var url = $"/m/transfers/Mobile/Details/{entry}";
        var version = await _portal.TextAsync("SELECT \"Version\" FROM tr_mobile WHERE \"Id\" = @e", ("e", entry));
        var beforeLeaving = await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = Day(since.AddDays(-1)), ["Input.Way"] = "Phone", ["Input.Result"] = "未接通", ["Input.Version"] = version }, $"{url}?handler=Attempt");
        Assert.Equal(HttpStatusCode.BadRequest, beforeLeaving.StatusCode);
        await Ok(await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = Day(Today.AddDays(-3)), ["Input.Way"] = "Phone", ["Input.Result"] = "电话停机", ["Input.Version"] = version }, $"{url}?handler=Attempt"));
        await Ok(await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.LostSince"] = Day(Today.AddDays(-3)), ["Input.Version"] = version }, $"{url}?handler=Lost"));
        Assert.Equal(2, await SituationAsync(person));
        Assert.Equal(Day(Today.AddDays(-3)), await _portal.TextAsync("SELECT CAST(\"SituationSince\" AS TEXT) FROM dir_member WHERE \"Id\" = @m", ("m", person)));
        Assert.Contains("电话停机", await office.GetStringAsync(url));
    }

    [Fact]
    public async Task Another_agency_finds_none_of_the_letters_or_mobile_entries()
    {
        var office = await OfficeAsync();
        var letter = await _portal.IntAsync("SELECT MIN(\"Id\") FROM tr_letter WHERE \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()));
        var entry = await _portal.IntAsync("SELECT MIN(\"Id\") FROM tr_mobile WHERE \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/m/transfers/Letters/Details/{letter}")).StatusCode);
        var second = await _portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Agencies.Where(a => a.Code == "ZYS").Select(a => a.Id)));
        await office.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = second.ToString() }, "/Account/SwitchAgency");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/transfers/Letters/Details/{letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/transfers/Letters/Details/{letter}?handler=Word")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/transfers/Mobile/Details/{entry}")).StatusCode);
    }
}
