namespace Modular.Sdk;

/// <summary>Kinds of Party organisation, top to bottom: 机关党委 → 党总支 (optional) → 党支部 → 党小组.</summary>
public enum OrganizationKind
{
    /// <summary>机关党委: the agency's Party committee, the root of its tree.</summary>
    AgencyCommittee = 0,
    /// <summary>党总支: an optional level between the committee and its branches.</summary>
    GeneralBranch = 1,
    /// <summary>党支部: the branch every member belongs to.</summary>
    Branch = 2,
    /// <summary>党小组: a group inside a branch.</summary>
    PartyGroup = 3,
}

/// <summary>入党申请人 … 正式党员, and the statuses after membership.</summary>
public enum MemberStatus
{
    /// <summary>入党申请人: has applied to join.</summary>
    Applicant = 0,
    /// <summary>入党积极分子: an activist, trained towards membership.</summary>
    Activist = 1,
    /// <summary>发展对象: a candidate for admission.</summary>
    DevelopmentCandidate = 2,
    /// <summary>预备党员: a probationary member (takes part, does not vote).</summary>
    ProbationaryMember = 3,
    /// <summary>正式党员: a full member.</summary>
    FullMember = 4,
    /// <summary>已转出: transferred out to another organisation.</summary>
    TransferredOut = 5,
    /// <summary>流动党员: a mobile member, away from the agency.</summary>
    Mobile = 6,
    /// <summary>失联: lost contact.</summary>
    LostContact = 7,
    /// <summary>已故: deceased.</summary>
    Deceased = 8,
}

/// <summary>Committee posts: 书记 / 副书记 / 组织委员 / 宣传委员 / 纪检委员 / 委员.</summary>
public enum CommitteePost
{
    /// <summary>书记.</summary>
    Secretary = 0,
    /// <summary>副书记.</summary>
    DeputySecretary = 1,
    /// <summary>组织委员.</summary>
    OrganizationCommissioner = 2,
    /// <summary>宣传委员.</summary>
    PublicityCommissioner = 3,
    /// <summary>纪检委员.</summary>
    DisciplineCommissioner = 4,
    /// <summary>委员: a committee member without a named post.</summary>
    CommitteeMember = 5,
}

/// <summary>A member's gender, as the roster records it.</summary>
public enum Gender
{
    /// <summary>Not recorded.</summary>
    Unknown = 0,
    /// <summary>男.</summary>
    Male = 1,
    /// <summary>女.</summary>
    Female = 2,
}

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
    /// <summary>Only full members vote.</summary>
    public bool CanVote => Status == MemberStatus.FullMember;
}

/// <summary>A committee post held by a member.</summary>
/// <param name="OrganizationId">The organisation whose committee it is.</param>
/// <param name="MemberId">Who holds the post.</param>
/// <param name="MemberName">The holder's name.</param>
/// <param name="Post">Which post.</param>
/// <param name="Since">When the member took the post, if recorded.</param>
/// <param name="Until">The last day the member held the post; null while they hold it (current posts always have null).</param>
public sealed record PostInfo(int OrganizationId, int MemberId, string MemberName, CommitteePost Post, DateOnly? Since, DateOnly? Until = null)
{
    /// <summary>
    /// Whether the post was held on some day from <paramref name="from"/> to <paramref name="to"/> (both included).
    /// A post without <see cref="Since"/> counts as held from the start.
    /// </summary>
    public bool HeldDuring(DateOnly from, DateOnly to) => (Since is null || Since <= to) && (Until is null || Until >= from);
}

/// <summary>What the current user may see in the directory.</summary>
public sealed record DataScope(bool AgencyWide, IReadOnlySet<int> OrganizationIds, int? OwnMemberId)
{
    /// <summary>Sees nothing: a user with no member record and no office.</summary>
    public static readonly DataScope None = new(false, new HashSet<int>(), null);
    /// <summary>Whether the scope covers the organisation with <paramref name="organizationId"/>.</summary>
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
    /// <summary>Every organisation of the agency, committee to Party groups.</summary>
    Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default);
    /// <summary>One organisation of the agency; null when unknown or of another agency.</summary>
    Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default);
    /// <summary>Members of an organisation, with those of its groups (and sub-organisations) when <paramref name="includeDescendants"/>.</summary>
    Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default);
    /// <summary>One member of the agency; null when unknown or of another agency.</summary>
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
    /// <summary>The committee posts of one organisation held today (ended posts are left out; see <see cref="GetPostHistoryAsync"/>).</summary>
    Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default);
    /// <summary>The committee posts of every organisation of the agency, in one round trip where the directory can.</summary>
    async Task<IReadOnlyList<PostInfo>> GetAllPostsAsync(CancellationToken ct = default)
    {
        var all = new List<PostInfo>();
        foreach (var o in await GetOrganizationsAsync(ct)) all.AddRange(await GetPostsAsync(o.Id, ct));
        return all;
    }
    /// <summary>
    /// Every post of one organisation held on some day from <paramref name="from"/> to <paramref name="to"/> (both included),
    /// ended ones with their <see cref="PostInfo.Until"/>: for duties of a period that every holder owes (a secretary who
    /// left in June still owed the year's lecture while in post). Ordered by post, then by <see cref="PostInfo.Since"/>.
    /// A directory that keeps no history answers with the current posts.
    /// </summary>
    async Task<IReadOnlyList<PostInfo>> GetPostHistoryAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await GetPostsAsync(organizationId, ct)).Where(p => p.HeldDuring(from, to))
            .OrderBy(p => p.Post).ThenBy(p => p.Since ?? DateOnly.MinValue).ToList();
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
    /// <summary>
    /// A member's age in completed years on <paramref name="date"/> (<see cref="MemberAge.On"/>), for rules such as "at
    /// least 18 when applying", without handing out the birth date itself (personal data). Null when the member is
    /// unknown, of another agency, or their birth date is not recorded. Since 1.4.0; a directory without birth dates
    /// answers null.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="date">The day the age is wanted for.</param>
    /// <param name="ct">Cancels the read.</param>
    Task<int?> AgeOnAsync(int memberId, DateOnly date, CancellationToken ct = default) => Task.FromResult<int?>(null);
    /// <summary>The signed-in user's own member record in the current agency, if linked.</summary>
    Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default);
    /// <summary>Which organisations the signed-in user may see: the whole agency (Party office), their branch and its groups (secretary, committee), or only themselves.</summary>
    Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default);
}
