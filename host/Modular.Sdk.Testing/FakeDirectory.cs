namespace Modular.Sdk.Testing;

/// <summary>
/// The agency's organisations, members and committee posts, in memory: add what the test needs, then hand it to the
/// service under test as its <see cref="IDirectory"/> (and its <see cref="IMemberChanges"/>). Ids are given out from 1.
/// <see cref="SignIn"/> chooses the signed-in member and what they see and manage (the whole agency unless told otherwise).
/// </summary>
/// <remarks>
/// Member changes apply the SDK's rules of stages and dates (<see cref="MemberStages"/>) and the scope's permission as the
/// host does, and are listed in <see cref="Changes"/> in place of the host's audit log; the problems' messages are the
/// English keys, not localised. Ids unknown to the fake stand for other agencies' members.
/// </remarks>
public sealed partial class FakeDirectory : IDirectory, IMemberChanges
{
    private readonly List<OrganizationInfo> _organizations = [];
    private readonly List<MemberInfo> _members = [];
    private readonly List<PostInfo> _posts = [];
    private int? _currentMemberId;
    private DataScope _scope = new(true, new HashSet<int>(), null);
    private readonly Dictionary<int, StageDates> _dates = [];
    private readonly List<MemberChangeRecord> _changes = [];

    /// <summary>Today for the rules of member changes (dates not in the future); the real date unless set.</summary>
    public DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.Today);

    /// <summary>Every member change asked for, done or refused, in order: what the host writes to its audit log.</summary>
    public IReadOnlyList<MemberChangeRecord> Changes => _changes;

    /// <summary>A member's stage dates (application, activist, candidate, joining, full membership) as the fake keeps them.</summary>
    public StageDates DatesOf(int memberId) => _dates.TryGetValue(memberId, out var d) ? d : new(_members.Single(m => m.Id == memberId).Stage);

    /// <summary>Every organisation added.</summary>
    public IReadOnlyList<OrganizationInfo> Organizations => _organizations;

    /// <summary>Every member added.</summary>
    public IReadOnlyList<MemberInfo> Members => _members;

    /// <summary>Adds an organisation (a branch unless told otherwise).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="kind">Committee, general branch, branch or Party group.</param>
    /// <param name="parentId">The organisation it belongs to; null for a root.</param>
    public OrganizationInfo AddOrganization(string name, OrganizationKind kind = OrganizationKind.Branch, int? parentId = null)
    {
        if (parentId is { } p && _organizations.All(o => o.Id != p)) throw new ArgumentException($"No organisation {p}.", nameof(parentId));
        var org = new OrganizationInfo(_organizations.Count + 1, parentId, kind, name, false, null, null);
        _organizations.Add(org);
        return org;
    }

    /// <summary>Adds a member (a full member, situation normal, unless told otherwise).</summary>
    /// <param name="name">Their name.</param>
    /// <param name="organizationId">Their organisation; for a Party group's member, the branch (with <paramref name="groupId"/>).</param>
    /// <param name="stage">Their stage.</param>
    /// <param name="groupId">Their Party group, if any.</param>
    /// <param name="userId">The account linked to them, if any.</param>
    /// <param name="situation">Their situation: mobile, abroad and lost contact still count; transferred out, suspended, left and deceased do not.</param>
    public MemberInfo AddMember(string name, int organizationId, MemberStage stage = MemberStage.FullMember, int? groupId = null, string? userId = null,
        MemberSituation situation = MemberSituation.Normal)
    {
        if (_organizations.All(o => o.Id != organizationId)) throw new ArgumentException($"No organisation {organizationId}.", nameof(organizationId));
        var member = new MemberInfo(_members.Count + 1, name, Gender.Unknown, stage, situation, organizationId, groupId, null, userId, false, null, null);
        _members.Add(member);
        return member;
    }

    /// <summary>Changes a member (a transfer, a new stage or situation): <c>ChangeMember(id, m =&gt; m with { Situation = MemberSituation.TransferredOut })</c>.</summary>
    public MemberInfo ChangeMember(int memberId, Func<MemberInfo, MemberInfo> change)
    {
        var index = _members.FindIndex(m => m.Id == memberId);
        if (index < 0) throw new ArgumentException($"No member {memberId}.", nameof(memberId));
        var changed = change(_members[index]) with { Id = memberId };
        _members[index] = changed;
        return changed;
    }

    /// <summary>
    /// Gives a member a committee post in an organisation, held from <paramref name="since"/> (unrecorded when null); with
    /// <paramref name="until"/> the post has ended that day and shows only in <see cref="GetPostHistoryAsync"/>.
    /// </summary>
    public PostInfo AddPost(int organizationId, int memberId, CommitteePost post, DateOnly? since = null, DateOnly? until = null)
    {
        var member = _members.Single(m => m.Id == memberId);
        var info = new PostInfo(organizationId, memberId, member.Name, post, since, until);
        _posts.Add(info);
        return info;
    }

    /// <summary>Makes <paramref name="memberId"/> the signed-in member, seeing <paramref name="scope"/> (the whole agency when null).</summary>
    public FakeDirectory SignIn(int? memberId, DataScope? scope = null)
    {
        _currentMemberId = memberId;
        _scope = scope ?? new DataScope(true, new HashSet<int>(), memberId);
        return this;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OrganizationInfo>>(_organizations.ToList());

    /// <inheritdoc />
    public Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default) =>
        Task.FromResult(_organizations.FirstOrDefault(o => o.Id == id));

    /// <inheritdoc />
    public Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default)
    {
        var orgs = includeDescendants ? WithDescendants(organizationId) : [organizationId];
        return Task.FromResult<IReadOnlyList<MemberInfo>>(_members
            .Where(m => orgs.Contains(m.OrganizationId) || (m.GroupId is { } g && orgs.Contains(g)))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList());
    }

    /// <inheritdoc />
    public Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default) => Task.FromResult(_members.FirstOrDefault(m => m.Id == id));

    /// <inheritdoc />
    public Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PostInfo>>(_posts.Where(p => p.OrganizationId == organizationId && p.Until is null).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<PostInfo>> GetPostHistoryAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PostInfo>>(_posts.Where(p => p.OrganizationId == organizationId && p.HeldDuring(from, to))
            .OrderBy(p => p.Post).ThenBy(p => p.Since ?? DateOnly.MinValue).ToList());

    /// <inheritdoc />
    public Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default) =>
        Task.FromResult(_currentMemberId is { } id ? _members.FirstOrDefault(m => m.Id == id) : null);

    /// <inheritdoc />
    public Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default) => Task.FromResult(_scope);

    /// <inheritdoc />
    public Task<MemberChangeResult> ChangeStageAsync(string moduleId, StageChange change, CancellationToken cancellationToken = default)
    {
        var member = _members.FirstOrDefault(m => m.Id == change.MemberId);
        var problems = MemberChangeRules.Access(member, _scope, change.Reason, mayBeOffRoster: false);
        if (problems.Count == 0)
        {
            problems = MemberChangeRules.Stage(DatesOf(member!.Id), change, Today, out var moved);
            if (problems.Count == 0)
            {
                _dates[member.Id] = moved;
                ChangeMember(member.Id, m => m with { Stage = moved.Stage, JoinedDate = moved.JoinedDate, FullMemberDate = moved.FullMemberDate });
            }
        }
        return Task.FromResult(Record(moduleId, "stage", change.MemberId, $"{member?.Stage} → {change.Stage}", change.Date, change.Reason, problems));
    }

    /// <inheritdoc />
    public Task<MemberChangeResult> ChangeSituationAsync(string moduleId, SituationChange change, CancellationToken cancellationToken = default)
    {
        var member = _members.FirstOrDefault(m => m.Id == change.MemberId);
        var problems = MemberChangeRules.Access(member, _scope, change.Reason, mayBeOffRoster: true);
        if (problems.Count == 0) problems = MemberChangeRules.Situation(change, Today);
        if (problems.Count == 0) ChangeMember(member!.Id, m => m with { Situation = change.Situation, SituationSince = change.Situation == MemberSituation.Normal ? null : change.Date });
        return Task.FromResult(Record(moduleId, "situation", change.MemberId, $"{member?.Situation} → {change.Situation}", change.Date, change.Reason, problems));
    }

    /// <inheritdoc />
    public Task<MemberChangeResult> AddApplicantAsync(string moduleId, NewApplicant applicant, CancellationToken cancellationToken = default)
    {
        var problems = MemberChangeRules.Applicant(applicant, Today);
        var org = _organizations.FirstOrDefault(o => o.Id == applicant.OrganizationId);
        if (org is null || org.Kind == OrganizationKind.PartyGroup) problems.Add(new(nameof(NewApplicant.OrganizationId), "Choose an organisation in your care."));
        else if (!_scope.CanSeeOrganization(org.Id)) problems.Add(new(nameof(NewApplicant.OrganizationId), "You do not manage the members of this organisation."));
        var id = 0;
        if (problems.Count == 0)
        {
            id = AddMember(applicant.Name.Trim(), org!.Id, MemberStage.Applicant).Id;
            _dates[id] = MemberChangeRules.NewApplicantDates(applicant);
        }
        return Task.FromResult(Record(moduleId, "applicant", id, applicant.Name, applicant.ApplicationDate, "", problems));
    }

    private MemberChangeResult Record(string moduleId, string kind, int memberId, string what, DateOnly date, string reason, List<Problem> problems)
    {
        _changes.Add(new MemberChangeRecord(moduleId, kind, memberId, what, date, reason, problems.Count == 0));
        return problems.Count == 0 ? MemberChangeResult.Done(memberId) : new MemberChangeResult(null, problems);
    }

    private readonly Dictionary<int, DateOnly> _birthDates = [];

    /// <summary>Records (or with null forgets) a member's date of birth, which <see cref="AgeOnAsync"/> answers from. Since 1.4.0.</summary>
    public FakeDirectory SetBirthDate(int memberId, DateOnly? birthDate)
    {
        if (_members.All(m => m.Id != memberId)) throw new ArgumentException($"No member {memberId}.", nameof(memberId));
        if (birthDate is { } d) _birthDates[memberId] = d;
        else _birthDates.Remove(memberId);
        return this;
    }

    /// <inheritdoc />
    public Task<int?> AgeOnAsync(int memberId, DateOnly date, CancellationToken ct = default) =>
        Task.FromResult(_birthDates.TryGetValue(memberId, out var birth) ? MemberAge.On(birth, date) : (int?)null);

    private HashSet<int> WithDescendants(int organizationId)
    {
        var found = new HashSet<int> { organizationId };
        for (var added = true; added;)
            added = _organizations.Where(o => o.ParentId is { } p && found.Contains(p)).Aggregate(false, (any, o) => found.Add(o.Id) || any);
        return found;
    }
}

/// <summary>A member change the fake directory was asked for: what the host's audit log would hold.</summary>
/// <param name="ModuleId">The calling module.</param>
/// <param name="Kind"><c>stage</c>, <c>situation</c> or <c>applicant</c>.</param>
/// <param name="MemberId">The member (0 for a refused new applicant).</param>
/// <param name="What">The change, such as "Activist → DevelopmentCandidate", or the applicant's name.</param>
/// <param name="Date">The date of the change.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="Succeeded">Whether it was made.</param>
public sealed record MemberChangeRecord(string ModuleId, string Kind, int MemberId, string What, DateOnly Date, string Reason, bool Succeeded);
