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

/// <summary>
/// Where a person is on the way into the Party: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. Whether they are here,
/// away or gone is their <see cref="MemberSituation"/>, kept apart so that a mobile full member is still a full member.
/// </summary>
public enum MemberStage
{
    /// <summary>入党申请人: has applied in writing.</summary>
    Applicant = 0,
    /// <summary>入党积极分子: decided by the branch committee, trained by 1–2 mentors.</summary>
    Activist = 1,
    /// <summary>发展对象: a candidate for admission (at least a year as an activist).</summary>
    DevelopmentCandidate = 2,
    /// <summary>预备党员: admitted, on probation (takes part, does not vote).</summary>
    ProbationaryMember = 3,
    /// <summary>正式党员: a full member (votes).</summary>
    FullMember = 4,
}

/// <summary>
/// A person's situation beside their <see cref="MemberStage"/>: here as normal, away (mobile, abroad, lost contact — still
/// members, counted and entitled to vote) or gone from the roster (transferred out, membership suspended, left, deceased).
/// </summary>
public enum MemberSituation
{
    /// <summary>正常: takes part in the branch's life as usual.</summary>
    Normal = 0,
    /// <summary>流动: works or lives away for a time; still the branch's member.</summary>
    Mobile = 1,
    /// <summary>失联: the branch cannot reach them; still on the roster until the branch decides.</summary>
    LostContact = 2,
    /// <summary>出国（境）: abroad for study or work; still on the roster.</summary>
    Abroad = 3,
    /// <summary>已转出: the membership moved to another organisation.</summary>
    TransferredOut = 4,
    /// <summary>停止党籍: membership stopped (such as after long loss of contact); may be restored.</summary>
    MembershipSuspended = 5,
    /// <summary>出党: left the Party (expelled, removed, withdrew, or probation cancelled).</summary>
    Left = 6,
    /// <summary>已故: deceased.</summary>
    Deceased = 7,
}

/// <summary>Which situations keep a person on the roster.</summary>
public static class MemberSituations
{
    /// <summary>The situations of people still on the roster: normal, mobile, lost contact, abroad.</summary>
    public static readonly IReadOnlyList<MemberSituation> OnRoster = [MemberSituation.Normal, MemberSituation.Mobile, MemberSituation.LostContact, MemberSituation.Abroad];

    /// <summary>
    /// Still on the roster: takes part in organisational life and counts in the branch's figures, wherever they are. False
    /// for transferred out, membership suspended, left and deceased.
    /// </summary>
    /// <param name="situation">The situation.</param>
    public static bool IsOnRoster(this MemberSituation situation) =>
        situation is MemberSituation.Normal or MemberSituation.Mobile or MemberSituation.LostContact or MemberSituation.Abroad;
}

/// <summary>The member status of SDK 1.3 and before, which mixed the stage with the situation.</summary>
[Obsolete("Use MemberStage and MemberSituation (MemberInfo.Stage, MemberInfo.Situation); a mobile full member is a full member. Kept for plugins built against SDK 1.3.")]
public enum MemberStatus
{
    /// <summary>入党申请人.</summary>
    Applicant = 0,
    /// <summary>入党积极分子.</summary>
    Activist = 1,
    /// <summary>发展对象.</summary>
    DevelopmentCandidate = 2,
    /// <summary>预备党员.</summary>
    ProbationaryMember = 3,
    /// <summary>正式党员.</summary>
    FullMember = 4,
    /// <summary>已转出 (and, read from a 1.4 record, anyone else off the roster but the deceased).</summary>
    TransferredOut = 5,
    /// <summary>流动党员 (and, read from a 1.4 record, abroad).</summary>
    Mobile = 6,
    /// <summary>失联.</summary>
    LostContact = 7,
    /// <summary>已故.</summary>
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
/// <param name="Id">The member's id in the directory.</param>
/// <param name="Name">Their name.</param>
/// <param name="Gender">Their gender, as recorded.</param>
/// <param name="Stage">Applicant … full member.</param>
/// <param name="Situation">Normal, away, or gone from the roster.</param>
/// <param name="OrganizationId">The branch (or other organisation) they belong to.</param>
/// <param name="GroupId">Their Party group, if any.</param>
/// <param name="PhoneMasked">The mobile number, masked.</param>
/// <param name="UserId">The linked account, if any.</param>
/// <param name="IsLeadingCadre">A leading cadre (dual organisational life).</param>
/// <param name="JoinedDate">入党日期: admitted as a probationary member.</param>
/// <param name="FullMemberDate">转正日期: became a full member.</param>
/// <remarks>SDK 1.4 split 1.3's status into <see cref="Stage"/> and <see cref="Situation"/>; 1.3's constructor, status and deconstruction are kept (obsolete) so that plugins built against 1.3 still run.</remarks>
public sealed record MemberInfo(
    int Id, string Name, Gender Gender, MemberStage Stage, MemberSituation Situation, int OrganizationId, int? GroupId,
    string? PhoneMasked, string? UserId, bool IsLeadingCadre, DateOnly? JoinedDate, DateOnly? FullMemberDate)
{
    /// <summary>
    /// A probationary or full member still on the roster (mobile, abroad and lost contact included): takes part in
    /// organisational life and counts toward the branch's thresholds.
    /// </summary>
    public bool IsPartyMember => Stage is MemberStage.FullMember or MemberStage.ProbationaryMember && Situation.IsOnRoster();
    /// <summary>A full member still on the roster: only they vote.</summary>
    public bool CanVote => Stage == MemberStage.FullMember && Situation.IsOnRoster();
    /// <summary>Still on the roster (<see cref="MemberSituations.IsOnRoster(MemberSituation)"/>), at any stage.</summary>
    public bool IsOnRoster => Situation.IsOnRoster();
    /// <summary>Since when <see cref="Situation"/> holds (the day contact was lost, the day they left); null for normal or unknown. Since 1.5.0.</summary>
    public DateOnly? SituationSince { get; init; }

    /// <summary>
    /// The 1.3 status: the situation where it had a value of its own, else the stage. Set (by a 1.3 plugin's object
    /// initialiser or <c>with</c>), it sets the stage and situation as the 1.3 constructor does.
    /// </summary>
    [Obsolete("Use Stage and Situation. Kept for plugins built against SDK 1.3.")]
    public MemberStatus Status
    {
        get => Situation switch
        {
            MemberSituation.Normal => (MemberStatus)(int)Stage,
            MemberSituation.Mobile or MemberSituation.Abroad => MemberStatus.Mobile,
            MemberSituation.LostContact => MemberStatus.LostContact,
            MemberSituation.Deceased => MemberStatus.Deceased,
            _ => MemberStatus.TransferredOut,
        };
        init => (Stage, Situation) = LegacyStatus.Split(value, JoinedDate, FullMemberDate);
    }

    /// <summary>
    /// The constructor of SDK 1.3 (restored in 1.5.0), for plugins built against it: the status is split into a stage and a situation (a
    /// 1.3 status of mobile, lost contact, transferred out or deceased was a member's: probationary with a date of joining
    /// and none of full membership, else full).
    /// </summary>
    [Obsolete("Use the constructor with MemberStage and MemberSituation. Kept for plugins built against SDK 1.3.")]
    public MemberInfo(int Id, string Name, Gender Gender, MemberStatus Status, int OrganizationId, int? GroupId,
        string? PhoneMasked, string? UserId, bool IsLeadingCadre, DateOnly? JoinedDate, DateOnly? FullMemberDate)
        : this(Id, Name, Gender, LegacyStatus.Split(Status, JoinedDate, FullMemberDate).Stage, LegacyStatus.Split(Status, JoinedDate, FullMemberDate).Situation,
            OrganizationId, GroupId, PhoneMasked, UserId, IsLeadingCadre, JoinedDate, FullMemberDate)
    {
    }

    /// <summary>The deconstruction of SDK 1.3 (with the status in place of the stage and situation).</summary>
    [Obsolete("Deconstruct into the stage and situation. Kept for plugins built against SDK 1.3.")]
    public void Deconstruct(out int Id, out string Name, out Gender Gender, out MemberStatus Status, out int OrganizationId, out int? GroupId,
        out string? PhoneMasked, out string? UserId, out bool IsLeadingCadre, out DateOnly? JoinedDate, out DateOnly? FullMemberDate)
    {
        (Id, Name, Gender, Status, OrganizationId, GroupId) = (this.Id, this.Name, this.Gender, this.Status, this.OrganizationId, this.GroupId);
        (PhoneMasked, UserId, IsLeadingCadre, JoinedDate, FullMemberDate) = (this.PhoneMasked, this.UserId, this.IsLeadingCadre, this.JoinedDate, this.FullMemberDate);
    }
}

/// <summary>How a status of SDK 1.3 reads as a stage and a situation, for the 1.3 overloads of <see cref="MemberInfo"/> and <see cref="MemberQuery"/>.</summary>
#pragma warning disable CS0618 // the obsolete status is what this translates
internal static class LegacyStatus
{
    public static (MemberStage Stage, MemberSituation Situation) Split(MemberStatus status, DateOnly? joined, DateOnly? fullMember)
    {
        if (status is >= MemberStatus.Applicant and <= MemberStatus.FullMember) return ((MemberStage)(int)status, MemberSituation.Normal);
        var stage = fullMember is null && joined is not null ? MemberStage.ProbationaryMember : MemberStage.FullMember;
        return (stage, Situations(status).FirstOrDefault());
    }

    /// <summary>The situations a 1.3 status stood for (none for the stages, which were "normal").</summary>
    public static IReadOnlyList<MemberSituation> Situations(MemberStatus status) => status switch
    {
        MemberStatus.TransferredOut => [MemberSituation.TransferredOut, MemberSituation.MembershipSuspended, MemberSituation.Left],
        MemberStatus.Mobile => [MemberSituation.Mobile, MemberSituation.Abroad],
        MemberStatus.LostContact => [MemberSituation.LostContact],
        MemberStatus.Deceased => [MemberSituation.Deceased],
        _ => [],
    };

    /// <summary>
    /// A 1.3 query's statuses as stages and situations. The stages asked for are wanted on the roster, wherever the member
    /// is (a mobile full member is a full member now); the situations asked for are added to those. A 1.3 query of
    /// situations alone wants every stage in them.
    /// </summary>
    public static (IReadOnlyCollection<MemberStage>? Stages, IReadOnlyCollection<MemberSituation>? Situations) Query(IReadOnlyCollection<MemberStatus>? statuses)
    {
        if (statuses is not { Count: > 0 }) return (null, null);
        var stages = statuses.Where(s => s <= MemberStatus.FullMember).Select(s => (MemberStage)(int)s).Distinct().ToList();
        var situations = statuses.SelectMany(Situations).ToList();
        if (stages.Count == 0) return (null, situations.Distinct().ToList());
        return (stages, MemberSituations.OnRoster.Concat(situations).Distinct().ToList());
    }
}
#pragma warning restore CS0618

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

    /// <summary>
    /// What the scope covers, as a part of a cache key (<see cref="IAgencyCache"/>): "all" when agency-wide, else the own
    /// member's id and the organisations' ids in order. Equal keys, equal scopes. Since 1.6.0.
    /// </summary>
    public string Key => AgencyWide ? "all" : $"{OwnMemberId}:{string.Join(',', OrganizationIds.Order())}";
}

/// <summary>
/// Which members to count or list: of one organisation (with its groups and sub-organisations unless told otherwise) or
/// the whole agency, of some stages and situations or all.
/// </summary>
/// <param name="OrganizationId">The organisation; null for the whole agency.</param>
/// <param name="IncludeDescendants">With the organisation's Party groups and sub-organisations.</param>
/// <param name="Stages">The stages wanted; null or empty for every stage.</param>
/// <param name="Situations">The situations wanted; null or empty for every situation (gone from the roster too).</param>
public sealed record MemberQuery(int? OrganizationId = null, bool IncludeDescendants = true,
    IReadOnlyCollection<MemberStage>? Stages = null, IReadOnlyCollection<MemberSituation>? Situations = null)
{
    /// <summary>Full and probationary members of the whole agency still on the roster (<see cref="MemberInfo.IsPartyMember"/>).</summary>
    public static readonly MemberQuery PartyMembers = new(Stages: [MemberStage.FullMember, MemberStage.ProbationaryMember], Situations: MemberSituations.OnRoster);

    /// <summary>Full members of the whole agency still on the roster: those who vote (<see cref="MemberInfo.CanVote"/>).</summary>
    public static readonly MemberQuery Voters = new(Stages: [MemberStage.FullMember], Situations: MemberSituations.OnRoster);

    /// <summary>Whether <paramref name="member"/> is of a stage and a situation wanted.</summary>
    public bool Wants(MemberInfo member) =>
        (Stages is not { Count: > 0 } || Stages.Contains(member.Stage)) && (Situations is not { Count: > 0 } || Situations.Contains(member.Situation));

#pragma warning disable CS0618 // the 1.3 members speak of the obsolete status
    private readonly IReadOnlyCollection<MemberStatus>? _statuses;

    /// <summary>
    /// The constructor of SDK 1.3 (restored in 1.5.0), for plugins built against it: the statuses are read as stages on the roster, plus the
    /// situations asked for (see <see cref="Statuses"/>).
    /// </summary>
    [Obsolete("Use the constructor with stages and situations. Kept for plugins built against SDK 1.3.")]
    public MemberQuery(int? OrganizationId, bool IncludeDescendants, IReadOnlyCollection<MemberStatus>? Statuses)
        : this(OrganizationId, IncludeDescendants, LegacyStatus.Query(Statuses).Stages, LegacyStatus.Query(Statuses).Situations) =>
        _statuses = Statuses;

    /// <summary>
    /// The statuses of SDK 1.3. Set, they become <see cref="Stages"/> (on the roster, wherever the member is) and
    /// <see cref="Situations"/> (mobile, lost contact … as asked); read, they are those given, or the stages asked for.
    /// </summary>
    [Obsolete("Use Stages and Situations. Kept for plugins built against SDK 1.3.")]
    public IReadOnlyCollection<MemberStatus>? Statuses
    {
        get => _statuses ?? Stages?.Select(s => (MemberStatus)(int)s).ToList();
        init
        {
            _statuses = value;
            (Stages, Situations) = LegacyStatus.Query(value);
        }
    }

    /// <summary>The 1.3 test: whether <paramref name="status"/> is one of the <see cref="Statuses"/> wanted.</summary>
    [Obsolete("Use Wants(MemberInfo). Kept for plugins built against SDK 1.3.")]
    public bool Wants(MemberStatus status) => Statuses is not { Count: > 0 } statuses || statuses.Contains(status);

    /// <summary>The deconstruction of SDK 1.3 (with the statuses in place of the stages and situations).</summary>
    [Obsolete("Deconstruct into the stages and situations. Kept for plugins built against SDK 1.3.")]
    public void Deconstruct(out int? OrganizationId, out bool IncludeDescendants, out IReadOnlyCollection<MemberStatus>? Statuses) =>
        (OrganizationId, IncludeDescendants, Statuses) = (this.OrganizationId, this.IncludeDescendants, this.Statuses);
#pragma warning restore CS0618
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
    /// <summary>
    /// <see cref="GetPostHistoryAsync"/> for every organisation of the agency at once (one round trip where the directory
    /// can): ordered by organisation, post, then <see cref="PostInfo.Since"/>.
    /// </summary>
    async Task<IReadOnlyList<PostInfo>> GetAllPostHistoryAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var all = new List<PostInfo>();
        foreach (var o in await GetOrganizationsAsync(ct)) all.AddRange(await GetPostHistoryAsync(o.Id, from, to, ct));
        return all;
    }
    /// <summary>The members that match <paramref name="query"/>, by name, without reading the rest of the roster where the directory can.</summary>
    async Task<IReadOnlyList<MemberInfo>> FindMembersAsync(MemberQuery query, CancellationToken ct = default)
    {
        var members = query.OrganizationId is { } org ? await GetMembersAsync(org, query.IncludeDescendants, ct) : await GetAllMembersAsync(ct);
        return members.Where(query.Wants).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
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
    /// <summary>
    /// A member's stage and the dates of their way in (application, activist, candidate, joining, full membership) as the
    /// directory records them, without the date of birth; null when the member is unknown or of another agency. Since
    /// 1.5.0; a directory that keeps only the dates of <see cref="MemberInfo"/> answers with those.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="ct">Cancels the read.</param>
    async Task<StageDates?> GetStageDatesAsync(int memberId, CancellationToken ct = default) =>
        await GetMemberAsync(memberId, ct) is { } m ? new StageDates(m.Stage, JoinedDate: m.JoinedDate, FullMemberDate: m.FullMemberDate) : null;
    /// <summary>The signed-in user's own member record in the current agency, if linked.</summary>
    Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default);
    /// <summary>Which organisations the signed-in user may see: the whole agency (Party office), their branch and its groups (secretary, committee), or only themselves.</summary>
    Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default);
}
