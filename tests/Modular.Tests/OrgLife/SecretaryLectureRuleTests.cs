using Modular.Modules.OrgLife.Rules;
using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.OrgLife;

/// <summary>书记讲党课: every secretary of the year gives their own lecture while in the post; a change in June resets nothing.</summary>
public sealed class SecretaryLectureRuleTests
{
    private const int Branch = 10, Old = 1, New = 2;
    private static readonly DateOnly June30 = new(2026, 6, 30), July1 = new(2026, 7, 1);

    private static PostInfo Post(int member, DateOnly? since, DateOnly? until, CommitteePost post = CommitteePost.Secretary) =>
        new(Branch, member, member == Old ? "王前任" : "李后任", post, since, until);

    /// <summary>The secretary changed at the end of June: the old one in post since 2024, the new one from July.</summary>
    private static readonly PostInfo[] JuneChange = [Post(Old, new DateOnly(2024, 3, 1), June30), Post(New, July1, null)];

    private static IReadOnlyList<SecretaryLectureDuty> Duties(DateOnly today, params (int Host, DateOnly Date)[] lectures) =>
        SecretaryLectureRules.Duties(2026, today, JuneChange, lectures);

    [Fact]
    public void After_a_change_in_June_the_one_who_lectured_in_March_is_done_and_the_new_one_owes_their_own()
    {
        var duties = Duties(new DateOnly(2026, 9, 1), (Old, new DateOnly(2026, 3, 10)));
        Assert.Equal([Old, New], duties.Select(d => d.MemberId));
        Assert.Equal(PeriodState.Held, duties[0].State);
        Assert.Equal(new DateOnly(2026, 3, 10), duties[0].LecturedOn);
        Assert.Equal((new DateOnly(2026, 1, 1), June30), (duties[0].From, duties[0].To));
        Assert.False(duties[0].InPost);
        Assert.Equal(PeriodState.Due, duties[1].State);
        Assert.True(duties[1].InPost);
        Assert.Equal(PeriodState.Due, SecretaryLectureRules.Overall(2026, new DateOnly(2026, 9, 1), duties));
        // The year ends without the new secretary's lecture: the branch is overdue, though the old one lectured.
        var atYearEnd = Duties(new DateOnly(2027, 1, 2), (Old, new DateOnly(2026, 3, 10)));
        Assert.Equal(PeriodState.Overdue, SecretaryLectureRules.Overall(2026, new DateOnly(2027, 1, 2), atYearEnd));
        // Both lectured: held.
        var both = Duties(new DateOnly(2027, 1, 2), (Old, new DateOnly(2026, 3, 10)), (New, new DateOnly(2026, 11, 5)));
        Assert.All(both, d => Assert.Equal(PeriodState.Held, d.State));
        Assert.Equal(PeriodState.Held, SecretaryLectureRules.Overall(2026, new DateOnly(2027, 1, 2), both));
    }

    [Fact]
    public void The_new_secretarys_lecture_does_not_cover_the_one_who_left_without_one()
    {
        var duties = Duties(new DateOnly(2026, 12, 1), (New, new DateOnly(2026, 9, 15)));
        // The old secretary's time to lecture ended with the post.
        Assert.Equal(PeriodState.Overdue, duties.Single(d => d.MemberId == Old).State);
        Assert.Equal(PeriodState.Held, duties.Single(d => d.MemberId == New).State);
        Assert.Equal(PeriodState.Overdue, SecretaryLectureRules.Overall(2026, new DateOnly(2026, 12, 1), duties));
    }

    [Fact]
    public void A_lecture_given_before_taking_the_post_is_not_the_secretarys()
    {
        var duties = Duties(new DateOnly(2026, 8, 1), (New, new DateOnly(2026, 4, 2)), (New, July1.AddDays(-1)));
        Assert.Null(duties.Single(d => d.MemberId == New).LecturedOn);
        Assert.Equal(PeriodState.Due, duties.Single(d => d.MemberId == New).State);
        // The first day in post counts; so does the last day of the old secretary.
        Assert.Equal(PeriodState.Held, Duties(new DateOnly(2026, 8, 1), (New, July1)).Single(d => d.MemberId == New).State);
        Assert.Equal(PeriodState.Held, Duties(new DateOnly(2026, 8, 1), (Old, June30)).Single(d => d.MemberId == Old).State);
    }

    [Fact]
    public void Before_the_new_secretary_takes_the_post_their_lecture_is_not_yet_due()
    {
        var duties = Duties(new DateOnly(2026, 5, 1));
        Assert.Equal(PeriodState.Due, duties.Single(d => d.MemberId == Old).State);
        Assert.Equal(PeriodState.Upcoming, duties.Single(d => d.MemberId == New).State);
    }

    [Fact]
    public void Posts_of_other_years_other_posts_and_the_year_without_a_secretary()
    {
        PostInfo[] posts = [Post(Old, new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31)), Post(New, new DateOnly(2027, 1, 1), null), Post(3, null, null, CommitteePost.DeputySecretary)];
        var duties = SecretaryLectureRules.Duties(2026, new DateOnly(2026, 10, 1), posts, [(3, new DateOnly(2026, 5, 1))]);
        Assert.Empty(duties);
        // Nobody was secretary: the organisation still owes the lecture.
        Assert.Equal(PeriodState.Due, SecretaryLectureRules.Overall(2026, new DateOnly(2026, 10, 1), duties));
        Assert.Equal(PeriodState.Overdue, SecretaryLectureRules.Overall(2026, new DateOnly(2027, 1, 1), duties));
    }

    [Fact]
    public void A_person_secretary_twice_in_a_year_owes_one_lecture_given_in_either_stretch()
    {
        PostInfo[] posts = [Post(Old, null, new DateOnly(2026, 3, 31)), Post(New, new DateOnly(2026, 4, 1), new DateOnly(2026, 8, 31)), Post(Old, new DateOnly(2026, 9, 1), null)];
        var duties = SecretaryLectureRules.Duties(2026, new DateOnly(2026, 12, 1), posts, [(Old, new DateOnly(2026, 10, 1)), (Old, new DateOnly(2026, 6, 1)), (New, new DateOnly(2026, 5, 5))]);
        var old = duties.Single(d => d.MemberId == Old);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 1)), (old.From, old.To, old.LecturedOn));
        Assert.True(old.InPost);
        Assert.Equal(PeriodState.Held, SecretaryLectureRules.Overall(2026, new DateOnly(2026, 12, 1), duties));
    }

    [Fact]
    public async Task The_test_kit_and_the_SDK_default_keep_current_posts_apart_from_the_history()
    {
        var fake = new FakeDirectory();
        var branch = fake.AddOrganization("第一党支部");
        var a = fake.AddMember("王前任", branch.Id);
        var b = fake.AddMember("李后任", branch.Id);
        fake.AddPost(branch.Id, a.Id, CommitteePost.Secretary, new DateOnly(2024, 1, 1), June30);
        fake.AddPost(branch.Id, b.Id, CommitteePost.Secretary, July1);
        IDirectory directory = fake;
        Assert.Equal([b.Id], (await directory.GetPostsAsync(branch.Id)).Select(p => p.MemberId));
        Assert.Equal([a.Id, b.Id], (await directory.GetPostHistoryAsync(branch.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Select(p => p.MemberId));
        Assert.Equal([b.Id], (await directory.GetAllPostHistoryAsync(July1, new DateOnly(2026, 12, 31))).Select(p => p.MemberId));
        Assert.Equal([a.Id], (await directory.GetPostHistoryAsync(branch.Id, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Select(p => p.MemberId));

        // A directory that keeps no history answers with its current posts, those held in the period.
        IDirectory old = new CurrentOnlyDirectory([Post(New, July1, null)]);
        Assert.Equal([New], (await old.GetPostHistoryAsync(Branch, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Select(p => p.MemberId));
        Assert.Empty(await old.GetPostHistoryAsync(Branch, new DateOnly(2026, 1, 1), June30));
        Assert.Equal([New], (await old.GetAllPostHistoryAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Select(p => p.MemberId));
    }

    /// <summary>A directory written before post history (an older plugin's fake): only what SDK 1.3 asked for.</summary>
    private sealed class CurrentOnlyDirectory(IReadOnlyList<PostInfo> posts) : IDirectory
    {
        private static readonly OrganizationInfo Org = new(Branch, null, OrganizationKind.Branch, "第一党支部", false, null, null);
        public Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<OrganizationInfo>>([Org]);
        public Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default) => Task.FromResult(id == Branch ? Org : null);
        public Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<MemberInfo>>([]);
        public Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default) => Task.FromResult<MemberInfo?>(null);
        public Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default) => Task.FromResult(organizationId == Branch ? posts : []);
        public Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default) => Task.FromResult<MemberInfo?>(null);
        public Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.None);
    }
}
