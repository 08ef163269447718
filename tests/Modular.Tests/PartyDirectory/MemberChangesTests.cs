using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Modules.OrgLife.Services;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

/// <summary>
/// The SDK's member changes in the host, called by a plugin (the notes fixture) as the development module will: the
/// directory's rules, the user's scope and the agency apply, and each attempt is audited with module and reason.
/// </summary>
public sealed class MemberChangesTests : IDisposable
{
    private readonly PortalFactory _portal = new("notes");

    public void Dispose() => _portal.Dispose();

    private async Task<T> InDirectoryAsync<T>(int agencyId, Func<DirectoryDbContext, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        return await _portal.InContextAsync(work);
    }

    private static async Task<(int? MemberId, List<(string Field, string Message)> Problems)> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = json.GetProperty("memberId");
        return (id.ValueKind == JsonValueKind.Null ? null : id.GetInt32(),
            json.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("message").GetString()!)).ToList());
    }

    [Fact]
    public async Task The_office_moves_an_applicant_on_and_the_change_is_audited_with_module_and_reason()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var applicant = await InDirectoryAsync(agency, db => db.Members.Where(m => m.Stage == MemberStage.Applicant && m.ApplicationDate != null)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.ApplicationDate }).FirstAsync());
        var office = await _portal.SignedInAsync("office");
        var date = applicant.ApplicationDate!.Value.AddDays(1);

        var done = await ReadAsync(await office.PostAsJsonAsync("/m/notes/api/member-stage", new StageChange(applicant.Id, MemberStage.Activist, date, "支委会确定为积极分子")));
        Assert.Empty(done.Problems);
        Assert.Equal(applicant.Id, done.MemberId);
        var member = await InDirectoryAsync(agency, db => db.Members.SingleAsync(m => m.Id == applicant.Id));
        Assert.Equal((MemberStage.Activist, date), (member.Stage, member.ActivistDate!.Value));
        var line = Assert.Single(await _portal.AuditEntriesAsync("member.stage-change", $"Member#{applicant.Id}"));
        Assert.True(line.Success);
        Assert.Equal("office", line.UserName);
        Assert.Contains("notes", line.Details);
        Assert.Contains("支委会确定为积极分子", line.Details);
        Assert.Contains(date.ToString("yyyy-MM-dd"), line.Details);

        // Straight on to probationary: refused in Chinese on the stage, nothing saved.
        var skip = await ReadAsync(await office.PostAsJsonAsync("/m/notes/api/member-stage", new StageChange(applicant.Id, MemberStage.ProbationaryMember, date, "越级")));
        Assert.Null(skip.MemberId);
        Assert.Equal("Stage", Assert.Single(skip.Problems).Field);
        Assert.Contains("逐级", skip.Problems[0].Message);
        Assert.Equal(MemberStage.Activist, await InDirectoryAsync(agency, db => db.Members.Where(m => m.Id == applicant.Id).Select(m => m.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Another_agency_s_member_and_another_branch_s_member_are_refused_and_the_attempt_audited()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secretaryId = await _portal.MemberIdAsync("张国强");
        var (ownBranch, elsewhere) = await InDirectoryAsync(demo, async db =>
        {
            var branch = await db.Members.Where(m => m.Id == secretaryId).Select(m => m.OrganizationId).SingleAsync();
            var other = await db.Members.Where(m => m.OrganizationId != branch && m.Stage == MemberStage.Applicant).Select(m => m.Id).FirstAsync();
            return (branch, other);
        });
        await _portal.CreateAgencyAsync("MCH2", "mch2-admin", "agency-admin,member", "notes");
        var stranger = await _portal.SignedInAsync("mch2-admin");
        var change = new StageChange(elsewhere, MemberStage.Activist, new DateOnly(2026, 5, 1), "第3步");

        var foreign = await ReadAsync(await stranger.PostAsJsonAsync("/m/notes/api/member-stage", change));
        Assert.Equal("MemberId", Assert.Single(foreign.Problems).Field);
        Assert.Equal("本单位没有这名人员。", foreign.Problems[0].Message);
        var secretary = await _portal.SignedInAsync("secretary");
        var notMine = await ReadAsync(await secretary.PostAsJsonAsync("/m/notes/api/member-stage", change));
        Assert.Equal("您不负责该党组织的党员管理。", Assert.Single(notMine.Problems).Message);

        var lines = await _portal.AuditEntriesAsync("member.stage-change", $"Member#{elsewhere}");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.False(l.Success));
        Assert.Equal(MemberStage.Applicant, await InDirectoryAsync(demo, db => db.Members.Where(m => m.Id == elsewhere).Select(m => m.Stage).SingleAsync()));

        // The secretary adds an applicant to their own branch; one under 18 is refused next to the date.
        var minor = await ReadAsync(await secretary.PostAsJsonAsync("/m/notes/api/applicant", new NewApplicant("王少年", ownBranch, new(2026, 5, 1), new DateOnly(2008, 5, 2))));
        Assert.Equal("ApplicationDate", Assert.Single(minor.Problems).Field);
        Assert.Equal("申请入党时须年满 18 周岁。", minor.Problems[0].Message);
        var added = await ReadAsync(await secretary.PostAsJsonAsync("/m/notes/api/applicant", new NewApplicant("王申请", ownBranch, new(2026, 5, 1), new DateOnly(1999, 3, 8))));
        var id = Assert.IsType<int>(added.MemberId);
        var member = await InDirectoryAsync(demo, db => db.Members.SingleAsync(m => m.Id == id));
        Assert.Equal((MemberStage.Applicant, MemberSituation.Normal, ownBranch, new DateOnly(2026, 5, 1)), (member.Stage, member.Situation, member.OrganizationId, member.ApplicationDate!.Value));
        Assert.True(Assert.Single(await _portal.AuditEntriesAsync("member.add-applicant", $"Member#{id}")).Success);
    }

    [Fact]
    public async Task A_mobile_full_member_counts_toward_the_branch_s_three_and_votes()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        using var _ = AgencyScope.Use(agency);
        await using var scope = _portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DirectoryDbContext>();
        // The demo's small branch: two full members, short of three.
        var warnings = services.GetRequiredService<DirectoryWarnings>();
        var small = (await warnings.FactsAsync(default)).Single(f => f.Organization.Kind == OrganizationKind.Branch && f.FullMembers == 2).Organization;
        var away = new Member { Name = "褚流动", OrganizationId = small.Id, Stage = MemberStage.FullMember, JoinedDate = new(2015, 7, 1), FullMemberDate = new(2016, 7, 1),
            Situation = MemberSituation.Mobile, SituationSince = new(2026, 3, 1) };
        db.Members.Add(away);
        db.Members.Add(new Member { Name = "沈转出", OrganizationId = small.Id, Stage = MemberStage.FullMember, Situation = MemberSituation.TransferredOut });
        await db.SaveChangesAsync();

        await using var after = _portal.Services.CreateAsyncScope();
        var facts = (await after.ServiceProvider.GetRequiredService<DirectoryWarnings>().FactsAsync(default)).Single(f => f.Organization.Id == small.Id);
        Assert.Equal((3, 3), (facts.FullMembers, facts.PartyMembers));
        Assert.DoesNotContain(OrganizationWarnings.For(facts, _portal.Today, new DirectorySettings()), w => w.Text.Contains("少于 3 名"));

        var directory = after.ServiceProvider.GetRequiredService<IDirectory>();
        var roster = new Roster(directory, after.ServiceProvider.GetRequiredService<PeopleLookup>());
        var party = await roster.PartyMembersAsync(small.Id);
        Assert.Contains(party, m => m.Id == away.Id && m.CanVote);
        Assert.Equal(3, party.Count);
        Assert.Equal(3, await directory.CountMembersAsync(MemberQuery.Voters with { OrganizationId = small.Id }));
    }
}
