using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Services;
using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>
/// The test kit's member changes behave as the host's (a module such as development is tested on them): one stage at a
/// time under the directory's date rules, only for members the user manages, every attempt recorded.
/// </summary>
public sealed class FakeMemberChangesTests
{
    private readonly FakeDirectory _directory = new() { Today = new DateOnly(2026, 11, 23) };
    private readonly OrganizationInfo _branch, _other;

    public FakeMemberChangesTests()
    {
        var committee = _directory.AddOrganization("机关党委", OrganizationKind.AgencyCommittee);
        _branch = _directory.AddOrganization("第一党支部", parentId: committee.Id);
        _other = _directory.AddOrganization("第二党支部", parentId: committee.Id);
    }

    [Fact]
    public async Task A_person_goes_from_application_to_full_membership_one_stage_at_a_time()
    {
        IMemberChanges changes = _directory;
        var added = await changes.AddApplicantAsync("development", new NewApplicant("孙申请", _branch.Id, new DateOnly(2023, 3, 1), new DateOnly(1998, 4, 2)));
        var id = Assert.IsType<int>(added.MemberId);
        Assert.Equal(MemberStage.Applicant, _directory.Members.Single(m => m.Id == id).Stage);

        var skip = await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.DevelopmentCandidate, new(2023, 9, 1), "跳级"));
        Assert.Equal("Stage", Assert.Single(skip.Problems).Field);

        Assert.True((await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.Activist, new(2023, 9, 1), "第3步"))).Succeeded);
        // Less than a year as an activist: refused on the date, nothing changed.
        var early = await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.DevelopmentCandidate, new(2024, 8, 31), "第7步"));
        Assert.Equal("Date", Assert.Single(early.Problems).Field);
        Assert.Equal(MemberStage.Activist, _directory.Members.Single(m => m.Id == id).Stage);
        Assert.True((await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.DevelopmentCandidate, new(2024, 9, 1), "第7步"))).Succeeded);
        Assert.True((await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.ProbationaryMember, new(2025, 3, 10), "第15步"))).Succeeded);
        Assert.Equal(new DateOnly(2025, 3, 10), _directory.Members.Single(m => m.Id == id).JoinedDate);

        var tooSoon = await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.FullMember, new(2026, 3, 9), "第23步"));
        Assert.Equal("Date", Assert.Single(tooSoon.Problems).Field);
        Assert.True((await changes.ChangeStageAsync("development", new StageChange(id, MemberStage.FullMember, new(2026, 3, 10), "第23步"))).Succeeded);
        var member = _directory.Members.Single(m => m.Id == id);
        Assert.Equal((MemberStage.FullMember, new DateOnly(2026, 3, 10)), (member.Stage, member.FullMemberDate));
        Assert.Equal(new DateOnly(2024, 9, 1), _directory.DatesOf(id).CandidateDate);

        Assert.Equal(8, _directory.Changes.Count);
        Assert.Equal(5, _directory.Changes.Count(c => c.Succeeded));
        Assert.All(_directory.Changes, c => Assert.Equal("development", c.ModuleId));
    }

    [Fact]
    public async Task Unknown_members_others_organisations_and_missing_reasons_are_refused_and_recorded()
    {
        var mine = _directory.AddMember("周积极", _branch.Id, MemberStage.Applicant);
        var theirs = _directory.AddMember("吴积极", _other.Id, MemberStage.Applicant);
        _directory.SignIn(null, new DataScope(false, new HashSet<int> { _branch.Id }, null));
        IMemberChanges changes = _directory;

        var unknown = await changes.ChangeStageAsync("development", new StageChange(999, MemberStage.Activist, new(2026, 11, 1), "第3步"));
        Assert.Equal("MemberId", Assert.Single(unknown.Problems).Field);
        var other = await changes.ChangeStageAsync("development", new StageChange(theirs.Id, MemberStage.Activist, new(2026, 11, 1), "第3步"));
        Assert.Equal("MemberId", Assert.Single(other.Problems).Field);
        var noReason = await changes.ChangeStageAsync("development", new StageChange(mine.Id, MemberStage.Activist, new(2026, 11, 1), " "));
        Assert.Equal("Reason", Assert.Single(noReason.Problems).Field);
        var elsewhere = await changes.AddApplicantAsync("development", new NewApplicant("郑申请", _other.Id, new(2026, 11, 1)));
        Assert.Equal("OrganizationId", Assert.Single(elsewhere.Problems).Field);
        var minor = await changes.AddApplicantAsync("development", new NewApplicant("王少年", _branch.Id, new(2026, 11, 1), new DateOnly(2008, 11, 2)));
        Assert.Equal("ApplicationDate", Assert.Single(minor.Problems).Field);

        Assert.All(_directory.Changes, c => Assert.False(c.Succeeded));
        Assert.Equal(5, _directory.Changes.Count);
        Assert.Equal(MemberStage.Applicant, _directory.Members.Single(m => m.Id == theirs.Id).Stage);
    }

    [Fact]
    public async Task A_member_who_left_moves_no_stage_but_a_situation_may_change()
    {
        var gone = _directory.AddMember("冯预备", _branch.Id, MemberStage.ProbationaryMember);
        IMemberChanges changes = _directory;
        Assert.True((await changes.ChangeSituationAsync("development", new SituationChange(gone.Id, MemberSituation.Left, new(2026, 10, 1), "取消预备党员资格"))).Succeeded);
        var refused = await changes.ChangeStageAsync("development", new StageChange(gone.Id, MemberStage.FullMember, new(2026, 11, 1), "转正"));
        Assert.Equal("MemberId", Assert.Single(refused.Problems).Field);
        Assert.False(_directory.Members.Single(m => m.Id == gone.Id).IsPartyMember);
    }

    [Fact]
    public async Task A_mobile_full_member_is_expected_at_the_branch_meeting_and_votes()
    {
        var here = _directory.AddMember("陈在岗", _branch.Id);
        var away = _directory.AddMember("褚流动", _branch.Id, situation: MemberSituation.Mobile);
        var awayProbationary = _directory.AddMember("卫流动", _branch.Id, MemberStage.ProbationaryMember, situation: MemberSituation.Mobile);
        var lost = _directory.AddMember("蒋失联", _branch.Id, situation: MemberSituation.LostContact);
        var transferred = _directory.AddMember("沈转出", _branch.Id, situation: MemberSituation.TransferredOut);
        var planner = new MeetingPlanner(new Roster(_directory, new PeopleLookup(_directory)));

        var expected = await planner.ExpectedAsync(MeetingType.BranchMembersMeeting, _branch.Id, null);
        Assert.Equal(new[] { here.Id, away.Id, awayProbationary.Id, lost.Id }.Order(), expected.Select(m => m.Id).Order());
        Assert.DoesNotContain(expected, m => m.Id == transferred.Id);
        Assert.Equal(new[] { here.Id, away.Id, lost.Id }.Order(), expected.Where(m => m.CanVote).Select(m => m.Id).Order());
        Assert.Equal(3, await ((IDirectory)_directory).CountMembersAsync(MemberQuery.Voters with { OrganizationId = _branch.Id }));
    }
}
