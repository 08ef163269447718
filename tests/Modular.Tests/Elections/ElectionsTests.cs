using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Elections;

/// <summary>
/// The elections module through its pages on the real host: an election planned, requested, approved, its meeting refused
/// at four fifths and recorded above it, rolling the committee and the term forward in the directory; a term lengthened
/// with approval; who may do what; another agency's ids; the demo data.
/// </summary>
public sealed partial class ElectionsTests : IClassFixture<ElectionsTests.Portal>
{
    public sealed class Portal() : PortalFactory("elections");

    private readonly Portal _portal;
    public ElectionsTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static string Details(int id) => $"/m/elections/Details/{id}";

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"今天 (\d+) 名")]
    private static partial Regex EntitledPattern();

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private async Task<int> OrgAsync(string name) =>
        await _portal.IntAsync("SELECT \"Id\" FROM dir_organization WHERE \"Name\" = @n AND \"AgencyId\" = @a", ("n", name), ("a", await _portal.DemoAgencyIdAsync()));

    private Task<int> OpenElectionAsync(int org) =>
        _portal.IntAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM elec_election WHERE \"OrganizationId\" = @o AND \"Status\" = 0", ("o", org));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var version = VersionPattern().Match(await client.GetStringAsync(Details(id))).Groups[1].Value;
        return await client.PostFormAsync(Details(id), new Dictionary<string, string>(fields) { ["Version"] = version }, $"{Details(id)}?handler={handler}");
    }

    /// <summary>An election of <paramref name="orgName"/> planned and approved by the office (a demo election under way is cancelled first).</summary>
    private async Task<(int Org, int Election)> ApprovedElectionAsync(HttpClient office, string orgName, int seats)
    {
        var org = await OrgAsync(orgName);
        if (await OpenElectionAsync(org) is > 0 and var open) await Ok(await PostAsync(office, open, "Cancel", []));
        await Ok(await office.PostFormAsync($"/m/elections/Plan?org={org}", new Dictionary<string, string> { ["Seats"] = $"{seats}", ["PlannedOn"] = Day(Today) }));
        var id = await OpenElectionAsync(org);
        await Ok(await PostAsync(office, id, "Step", new() { ["Step.Kind"] = "Request", ["Step.Date"] = Day(Today.AddDays(-20)), ["Step.Note"] = "关于换届的请示" }));
        await Ok(await PostAsync(office, id, "Step", new() { ["Step.Kind"] = "Reply", ["Step.Date"] = Day(Today.AddDays(-10)), ["Step.Approved"] = "true" }));
        return (org, id);
    }

    private async Task<List<int>> FullMembersAsync(int org) =>
        await _portal.IntsAsync("SELECT \"Id\" FROM dir_member WHERE \"OrganizationId\" = @o AND \"Stage\" = 4 AND \"Situation\" IN (0, 1, 2, 3) ORDER BY \"Id\"", ("o", org));

    [Fact]
    public async Task An_election_at_four_fifths_is_refused_and_one_above_it_rolls_the_committee_and_the_term_forward()
    {
        var office = await _portal.SignedInAsync("office");
        var (org, id) = await ApprovedElectionAsync(office, "第一党支部", 3);
        // The "member" account stays a plain member: the access test reads the branch's elections as her.
        var plain = await _portal.MemberIdAsync("李晓梅");
        var full = (await FullMembersAsync(org)).Where(m => m != plain).ToList();
        Assert.True(full.Count >= 4, "the demo's first branch has full members");
        foreach (var m in full.Take(4)) await Ok(await office.PostFormAsync(Details(id), new Dictionary<string, string> { ["CandidateId"] = $"{m}" }, $"{Details(id)}?handler=AddCandidate"));
        // A probationary member cannot be a candidate.
        var probationary = await _portal.IntAsync("SELECT COALESCE(MIN(\"Id\"), 0) FROM dir_member WHERE \"Stage\" = 3 AND \"AgencyId\" = @a", ("a", await _portal.DemoAgencyIdAsync()));
        if (probationary > 0)
            Assert.Equal(HttpStatusCode.BadRequest, (await office.PostFormAsync(Details(id), new Dictionary<string, string> { ["CandidateId"] = $"{probationary}" }, $"{Details(id)}?handler=AddCandidate")).StatusCode);

        var page = await office.GetStringAsync(Details(id));
        var entitled = int.Parse(EntitledPattern().Match(page).Groups[1].Value);
        var atFourFifths = entitled * 4 / 5;
        var candidates = full.Take(4).ToList();
        Dictionary<string, string> Meeting(int present)
        {
            var fields = new Dictionary<string, string> { ["Meeting.Date"] = Day(Today), ["Meeting.Present"] = $"{present}" };
            for (var i = 0; i < candidates.Count; i++)
            {
                // The first three carry all votes present; the fourth has half of those entitled at most: not elected.
                fields[$"Meeting.Votes[{candidates[i]}]"] = i < 3 ? $"{present}" : $"{entitled / 2}";
                fields[$"Meeting.Posts[{candidates[i]}]"] = i switch { 0 => "Secretary", 1 => "DeputySecretary", 2 => "OrganizationCommissioner", _ => "" };
            }
            return fields;
        }
        var termBefore = await _portal.TextAsync("SELECT CAST(\"TermEnd\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org));

        var refused = await PostAsync(office, id, "Meeting", Meeting(atFourFifths));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("选举无效", await refused.Content.ReadAsStringAsync());
        Assert.Equal(id, await OpenElectionAsync(org));
        Assert.Equal(termBefore, await _portal.TextAsync("SELECT CAST(\"TermEnd\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org)));

        await Ok(await PostAsync(office, id, "Meeting", Meeting(atFourFifths + 1)));
        Assert.Equal(0, await OpenElectionAsync(org));
        Assert.Equal(Day(Today.AddYears(3)), await _portal.TextAsync("SELECT CAST(\"TermEnd\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org)));
        Assert.Equal(Day(Today), await _portal.TextAsync("SELECT CAST(\"TermStart\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org)));
        var posts = await _portal.RowsAsync("SELECT \"MemberId\", \"Post\" FROM dir_post WHERE \"OrganizationId\" = @o AND \"Until\" IS NULL ORDER BY \"Post\"", ("o", org));
        Assert.Equal([[$"{candidates[0]}", "0"], [$"{candidates[1]}", "1"], [$"{candidates[2]}", "2"]], posts.Select(p => p.ToArray()));
        // The old committee's posts ended the day before and stay on record.
        Assert.True(await _portal.IntAsync("SELECT COUNT(*) FROM dir_post WHERE \"OrganizationId\" = @o AND \"Until\" = @d", ("o", org), ("d", Today.AddDays(-1))) >= 1);
        Assert.Equal([1, 1, 1, 0], await _portal.IntsAsync("SELECT CASE WHEN \"Elected\" THEN 1 ELSE 0 END FROM elec_candidate WHERE \"ElectionId\" = @e ORDER BY \"Id\"", ("e", id)));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organization.committee-renewal" && a.Success)) >= 1);
        // The term is no longer due: the organisation is in term.
        Assert.Contains("任期内", await office.GetStringAsync($"/m/elections/Organization/{org}"));
        // The month's report lists it, from the election's own record; the dashboard card counts the terms.
        var report = await office.GetStringAsync($"/Reports/Monthly?month={Today:yyyy-MM}");
        Assert.Contains("本月换届", report);
        Assert.Contains($"{atFourFifths + 1}/{entitled}", report);
        Assert.Contains("任期已届满", await office.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_term_is_lengthened_by_a_year_with_approval_and_a_day_more_is_refused()
    {
        var office = await _portal.SignedInAsync("office");
        var org = await OrgAsync("第二党支部");
        var start = DateOnly.ParseExact(await _portal.TextAsync("SELECT CAST(\"TermStart\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org)), "yyyy-MM-dd");
        var url = $"/m/elections/Organization/{org}";
        Dictionary<string, string> Form(DateOnly end) => new() { ["Input.NewEnd"] = Day(end), ["Input.ApprovedOn"] = Day(Today), ["Input.Approval"] = "机关党委〔2026〕1号批复" };
        var tooLong = await office.PostFormAsync(url, Form(start.AddYears(4).AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不超过 1 年", await tooLong.Content.ReadAsStringAsync());
        await Ok(await office.PostFormAsync(url, Form(start.AddYears(4))));
        Assert.Equal(Day(start.AddYears(4)), await _portal.TextAsync("SELECT CAST(\"TermEnd\" AS TEXT) FROM dir_organization WHERE \"Id\" = @o", ("o", org)));
        Assert.Equal(1, await _portal.IntAsync("SELECT COUNT(*) FROM elec_term_adjustment WHERE \"OrganizationId\" = @o", ("o", org)));
    }

    [Fact]
    public async Task A_member_reads_their_organisations_elections_but_records_nothing_and_another_agency_gets_404()
    {
        var office = await _portal.SignedInAsync("office");
        var (org, id) = await ApprovedElectionAsync(office, "第一党支部", 3);
        var member = await _portal.SignedInAsync("member");
        // Her own branch's election: she reads it, without the forms of those who run it.
        var page = await member.GetStringAsync(Details(id));
        Assert.Contains("待召开选举大会", page);
        Assert.DoesNotContain("meeting-form", page);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync(Details(id), new Dictionary<string, string> { ["CandidateId"] = "1" }, $"{Details(id)}?handler=AddCandidate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/m/elections/Plan?org={org}")).StatusCode);

        await _portal.CreateAgencyAsync("ELEB", "eleb-admin", "agency-admin,member", "elections");
        var other = await _portal.SignedInAsync("eleb-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Details(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/m/elections/Organization/{org}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/m/elections", new Dictionary<string, string> { ["Seats"] = "1", ["PlannedOn"] = Day(Today) }, $"/m/elections/Plan?org={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/m/elections",
            new Dictionary<string, string> { ["Input.NewEnd"] = Day(Today.AddYears(2)), ["Input.ApprovedOn"] = Day(Today), ["Input.Approval"] = "越权" }, $"/m/elections/Organization/{org}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/m/elections", new Dictionary<string, string> { ["Meeting.Present"] = "9", ["Version"] = "1" },
            $"{Details(id)}?handler=Meeting")).StatusCode);
    }

    [Fact]
    public async Task The_directory_refuses_a_module_changing_another_agencys_organisation()
    {
        var org = await OrgAsync("第一党支部");
        var otherAgency = await _portal.CreateAgencyAsync("ELEC", "elec-admin", "agency-admin,member", "elections");
        using var _ = AgencyScope.Use(otherAgency);
        await using var scope = _portal.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<IOrganizationChanges>();
        var result = await changes.SetTermAsync("elections", new TermChange(org, Today, Today.AddYears(3), "别的单位"));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == "OrganizationId");
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        Assert.NotEqual(Today.AddYears(3), (await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == org)).TermEnd);
    }

    [Fact]
    public async Task The_demo_has_an_election_done_one_planned_and_an_overdue_term_in_the_to_dos()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        Assert.True(await _portal.IntAsync("SELECT COUNT(*) FROM elec_election WHERE \"AgencyId\" = @a AND \"Status\" = 1", ("a", agency)) >= 1);
        Assert.True(await _portal.IntAsync("SELECT COUNT(*) FROM elec_election WHERE \"AgencyId\" = @a", ("a", agency)) >= 2);
        var office = await _portal.SignedInAsync("office");
        Assert.Contains("请计划换届", await office.GetStringAsync("/Todo"));
        Assert.Contains("任期已届满", await office.GetStringAsync("/m/elections"));
    }
}
