namespace Modular.Sdk;

/// <summary>Kinds of Party organisation, top to bottom: 机关党委 → 党总支 (optional) → 党支部 → 党小组.</summary>
public enum OrganizationKind { AgencyCommittee = 0, GeneralBranch = 1, Branch = 2, PartyGroup = 3 }

/// <summary>入党申请人 … 正式党员, and the statuses after membership.</summary>
public enum MemberStatus
{
    Applicant = 0,
    Activist = 1,
    DevelopmentCandidate = 2,
    ProbationaryMember = 3,
    FullMember = 4,
    TransferredOut = 5,
    Mobile = 6,
    LostContact = 7,
    Deceased = 8,
}

/// <summary>Committee posts: 书记 / 副书记 / 组织委员 / 宣传委员 / 纪检委员 / 委员.</summary>
public enum CommitteePost
{
    Secretary = 0,
    DeputySecretary = 1,
    OrganizationCommissioner = 2,
    PublicityCommissioner = 3,
    DisciplineCommissioner = 4,
    CommitteeMember = 5,
}

public enum Gender { Unknown = 0, Male = 1, Female = 2 }

/// <summary>An organisation as modules see it.</summary>
public sealed record OrganizationInfo(
    int Id, int? ParentId, OrganizationKind Kind, string Name, bool IsWindowBranch, DateOnly? TermStart, DateOnly? TermEnd);

/// <summary>A member as modules see it. Personal data comes masked; modules store only the id.</summary>
public sealed record MemberInfo(
    int Id, string Name, Gender Gender, MemberStatus Status, int OrganizationId, int? GroupId,
    string? PhoneMasked, string? UserId, bool IsLeadingCadre, DateOnly? JoinedDate, DateOnly? FullMemberDate)
{
    /// <summary>Full and probationary members take part in organisational life; only full members vote.</summary>
    public bool IsPartyMember => Status is MemberStatus.FullMember or MemberStatus.ProbationaryMember;
    public bool CanVote => Status == MemberStatus.FullMember;
}

public sealed record PostInfo(int OrganizationId, int MemberId, string MemberName, CommitteePost Post, DateOnly? Since);

/// <summary>What the current user may see in the directory.</summary>
public sealed record DataScope(bool AgencyWide, IReadOnlySet<int> OrganizationIds, int? OwnMemberId)
{
    public static readonly DataScope None = new(false, new HashSet<int>(), null);
    public bool CanSeeOrganization(int organizationId) => AgencyWide || OrganizationIds.Contains(organizationId);
}

/// <summary>Which members to count or list: of one organisation (with its groups and sub-organisations unless told otherwise) or the whole agency, of some statuses or all.</summary>
/// <param name="OrganizationId">The organisation; null for the whole agency.</param>
/// <param name="IncludeDescendants">With the organisation's Party groups and sub-organisations.</param>
/// <param name="Statuses">The statuses wanted; null or empty for every status.</param>
public sealed record MemberQuery(int? OrganizationId = null, bool IncludeDescendants = true, IReadOnlyCollection<MemberStatus>? Statuses = null)
{
    /// <summary>Full and probationary members of the whole agency.</summary>
    public static readonly MemberQuery PartyMembers = new(Statuses: [MemberStatus.FullMember, MemberStatus.ProbationaryMember]);

    /// <summary>Whether <paramref name="status"/> is one of the statuses wanted.</summary>
    public bool Wants(MemberStatus status) => Statuses is not { Count: > 0 } || Statuses.Contains(status);
}

/// <summary>
/// Read access to the current agency's organisations and members, for modules: they keep ids only and
/// never a copy of people. Every answer is limited to the current agency.
/// </summary>
public interface IDirectory
{
    Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default);
    Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default);
    /// <summary>Members of an organisation, with those of its groups (and sub-organisations) when <paramref name="includeDescendants"/>.</summary>
    Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default);
    Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default);
    /// <summary>Everyone on the agency's roster (names for ids, pickers), in one round trip where the directory can.</summary>
    async Task<IReadOnlyList<MemberInfo>> GetAllMembersAsync(CancellationToken ct = default)
    {
        var all = new Dictionary<int, MemberInfo>();
        foreach (var root in (await GetOrganizationsAsync(ct)).Where(o => o.ParentId is null))
            foreach (var m in await GetMembersAsync(root.Id, includeDescendants: true, ct)) all[m.Id] = m;
        return all.Values.ToList();
    }
    /// <summary>
    /// The members of the current agency among <paramref name="ids"/> (ids of other agencies and unknown ids are left out),
    /// by name: for naming the people on a page without reading the whole roster.
    /// </summary>
    async Task<IReadOnlyList<MemberInfo>> GetMembersAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.ToHashSet();
        // A few ids one by one; more than that, one pass over the roster.
        if (wanted.Count <= 8)
        {
            var found = new List<MemberInfo>();
            foreach (var id in wanted) if (await GetMemberAsync(id, ct) is { } m) found.Add(m);
            return found.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        }
        return (await GetAllMembersAsync(ct)).Where(m => wanted.Contains(m.Id)).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
    }
    Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default);
    /// <summary>The committee posts of every organisation of the agency, in one round trip where the directory can.</summary>
    async Task<IReadOnlyList<PostInfo>> GetAllPostsAsync(CancellationToken ct = default)
    {
        var all = new List<PostInfo>();
        foreach (var o in await GetOrganizationsAsync(ct)) all.AddRange(await GetPostsAsync(o.Id, ct));
        return all;
    }
    /// <summary>The members that match <paramref name="query"/>, by name, without reading the rest of the roster where the directory can.</summary>
    async Task<IReadOnlyList<MemberInfo>> FindMembersAsync(MemberQuery query, CancellationToken ct = default)
    {
        var members = query.OrganizationId is { } org ? await GetMembersAsync(org, query.IncludeDescendants, ct) : await GetAllMembersAsync(ct);
        return members.Where(m => query.Wants(m.Status)).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
    }
    /// <summary>How many members match <paramref name="query"/>, counted by the database where the directory can.</summary>
    async Task<int> CountMembersAsync(MemberQuery query, CancellationToken ct = default) => (await FindMembersAsync(query, ct)).Count;
    /// <summary>
    /// How many members of each organisation match <paramref name="query"/>, by the organisation a member belongs to
    /// (<see cref="MemberInfo.OrganizationId"/>; a Party group's members count in its organisation). Organisations without
    /// a match are left out.
    /// </summary>
    async Task<IReadOnlyDictionary<int, int>> CountMembersByOrganizationAsync(MemberQuery query, CancellationToken ct = default) =>
        (await FindMembersAsync(query, ct)).GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Count());
    /// <summary>The signed-in user's own member record in the current agency, if linked.</summary>
    Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default);
    /// <summary>Which organisations the signed-in user may see: the whole agency (Party office), their branch and its groups (secretary, committee), or only themselves.</summary>
    Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default);
}
