namespace Modular.Sdk.Testing;

/// <summary>
/// The agency's organisations, members and committee posts, in memory: add what the test needs, then hand it to the
/// service under test as its <see cref="IDirectory"/>. Ids are given out from 1. <see cref="SignIn"/> chooses the
/// signed-in member and what they see (the whole agency unless told otherwise).
/// </summary>
public sealed class FakeDirectory : IDirectory
{
    private readonly List<OrganizationInfo> _organizations = [];
    private readonly List<MemberInfo> _members = [];
    private readonly List<PostInfo> _posts = [];
    private int? _currentMemberId;
    private DataScope _scope = new(true, new HashSet<int>(), null);

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

    /// <summary>Adds a member (a full member unless told otherwise).</summary>
    /// <param name="name">Their name.</param>
    /// <param name="organizationId">Their organisation; for a Party group's member, the branch (with <paramref name="groupId"/>).</param>
    /// <param name="status">Their status.</param>
    /// <param name="groupId">Their Party group, if any.</param>
    /// <param name="userId">The account linked to them, if any.</param>
    public MemberInfo AddMember(string name, int organizationId, MemberStatus status = MemberStatus.FullMember, int? groupId = null, string? userId = null)
    {
        if (_organizations.All(o => o.Id != organizationId)) throw new ArgumentException($"No organisation {organizationId}.", nameof(organizationId));
        var member = new MemberInfo(_members.Count + 1, name, Gender.Unknown, status, organizationId, groupId, null, userId, false, null, null);
        _members.Add(member);
        return member;
    }

    /// <summary>Changes a member (a transfer, a new status): <c>ChangeMember(id, m =&gt; m with { Status = MemberStatus.TransferredOut })</c>.</summary>
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
