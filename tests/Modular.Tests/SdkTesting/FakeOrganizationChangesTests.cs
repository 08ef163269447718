using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>
/// The test kit's organisation changes behave as the host's: a committee renewed all or nothing, the old posts ending the
/// day before and kept as history, the term within a year of its normal length, only for organisations the user manages.
/// </summary>
public sealed class FakeOrganizationChangesTests
{
    private readonly FakeDirectory _directory = new() { Today = new DateOnly(2026, 11, 23) };
    private readonly OrganizationInfo _branch, _other;
    private readonly MemberInfo _old, _new, _deputy, _probationary, _elsewhere;

    public FakeOrganizationChangesTests()
    {
        var committee = _directory.AddOrganization("机关党委", OrganizationKind.AgencyCommittee);
        _branch = _directory.AddOrganization("第一党支部", parentId: committee.Id);
        _other = _directory.AddOrganization("第二党支部", parentId: committee.Id);
        _old = _directory.AddMember("老书记", _branch.Id);
        _new = _directory.AddMember("新书记", _branch.Id);
        _deputy = _directory.AddMember("副书记", _branch.Id);
        _probationary = _directory.AddMember("预备党员", _branch.Id, MemberStage.ProbationaryMember);
        _elsewhere = _directory.AddMember("外支部", _other.Id);
        _directory.SetTerm(_branch.Id, new DateOnly(2023, 11, 1), new DateOnly(2026, 11, 1));
        _directory.AddPost(_branch.Id, _old.Id, CommitteePost.Secretary, new DateOnly(2023, 11, 1));
    }

    [Fact]
    public async Task A_renewal_ends_the_old_posts_the_day_before_keeps_them_as_history_and_sets_the_new_term()
    {
        IOrganizationChanges changes = _directory;
        var day = new DateOnly(2026, 11, 20);
        var result = await changes.RenewCommitteeAsync("elections", new CommitteeRenewal(_branch.Id, day, day.AddYears(3),
            [new(_new.Id, CommitteePost.Secretary), new(_deputy.Id, CommitteePost.DeputySecretary)], "换届"));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        Assert.Equal([_new.Id, _deputy.Id], (await _directory.GetPostsAsync(_branch.Id)).OrderBy(p => p.Post).Select(p => p.MemberId));
        var history = await _directory.GetPostHistoryAsync(_branch.Id, DateOnly.MinValue, day);
        Assert.Contains(history, p => p.MemberId == _old.Id && p.Until == day.AddDays(-1));
        var org = (await _directory.GetOrganizationAsync(_branch.Id))!;
        Assert.Equal((day, day.AddYears(3)), (org.TermStart, org.TermEnd));
        Assert.True(_directory.OrganizationChanges.Single().Succeeded);
    }

    [Fact]
    public async Task A_renewal_is_refused_whole_for_a_probationary_member_a_member_elsewhere_no_secretary_or_a_term_a_day_too_long()
    {
        IOrganizationChanges changes = _directory;
        var day = new DateOnly(2026, 11, 20);
        CommitteeRenewal Renewal(DateOnly end, params PostAssignment[] posts) => new(_branch.Id, day, end, posts, "换届");
        Assert.Contains((await changes.RenewCommitteeAsync("elections", Renewal(day.AddYears(3), new PostAssignment(_probationary.Id, CommitteePost.Secretary)))).Problems, p => p.Field == "Posts");
        Assert.Contains((await changes.RenewCommitteeAsync("elections", Renewal(day.AddYears(3), new PostAssignment(_elsewhere.Id, CommitteePost.Secretary)))).Problems, p => p.Field == "Posts");
        Assert.Contains((await changes.RenewCommitteeAsync("elections", Renewal(day.AddYears(3), new PostAssignment(_new.Id, CommitteePost.DeputySecretary)))).Problems, p => p.Field == "Posts");
        Assert.True((await changes.SetTermAsync("elections", new TermChange(_branch.Id, day, day.AddYears(4), "批准延长"))).Succeeded);
        Assert.Contains((await changes.RenewCommitteeAsync("elections", Renewal(day.AddYears(4).AddDays(1), new PostAssignment(_new.Id, CommitteePost.Secretary)))).Problems, p => p.Field == "TermEnd");
        // Nothing of the refused renewals was applied: the old secretary is still in post.
        Assert.Equal(_old.Id, Assert.Single(await _directory.GetPostsAsync(_branch.Id)).MemberId);
    }

    [Fact]
    public async Task An_organisation_out_of_the_users_care_or_of_another_agency_is_refused()
    {
        IOrganizationChanges changes = _directory;
        _directory.SignIn(_old.Id, new DataScope(false, new HashSet<int> { _branch.Id }, _old.Id));
        var outside = await changes.SetTermAsync("elections", new TermChange(_other.Id, new(2026, 1, 1), new(2029, 1, 1), "越权"));
        Assert.Equal("OrganizationId", Assert.Single(outside.Problems).Field);
        var unknown = await changes.SetTermAsync("elections", new TermChange(999, new(2026, 1, 1), new(2029, 1, 1), "别的单位"));
        Assert.Equal("OrganizationId", Assert.Single(unknown.Problems).Field);
        Assert.True((await changes.EndPostAsync("elections", _branch.Id, new(_old.Id, CommitteePost.Secretary), new(2026, 11, 1), "调离")).Succeeded);
        Assert.True((await changes.AssignPostAsync("elections", _branch.Id, new(_new.Id, CommitteePost.Secretary), new(2026, 11, 2), "补选")).Succeeded);
        Assert.Contains((await _directory.GetPostHistoryAsync(_branch.Id, DateOnly.MinValue, new(2026, 11, 23))), p => p.MemberId == _old.Id && p.Until == new DateOnly(2026, 11, 1));
    }
}
