using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>The SDK's read access to the directory, and the data scope of the current user.</summary>
public sealed partial class DirectoryService(DirectoryDbContext db, ICurrentUser user, ICurrentAgency agency, Microsoft.Extensions.Caching.Memory.IMemoryCache cache,
    Oidc.ApplicationCaller application, Jobs.JobRunContext job, IAgencyCache agencyCache) : IDirectory
{
    private DataScope? _scope;

    // The agency's organisations and current posts are read on most pages (menu checks, scopes, names): kept per agency
    // until its data changes (IAgencyCache), as immutable arrays.
    private sealed record OrganizationRow(OrganizationInfo Info, string Path);

    private Task<OrganizationRow[]> OrganizationRowsAsync(CancellationToken ct) =>
        agencyCache.GetOrCreateAsync("directory:organizations", async c =>
            (await db.Organizations.AsNoTracking().OrderBy(o => o.Path).ThenBy(o => o.SortOrder).ToListAsync(c))
                .Select(o => new OrganizationRow(ToInfo(o), o.Path)).ToArray(), ct);

    public async Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default) =>
        (await OrganizationRowsAsync(ct)).Select(o => o.Info).ToList();

    public async Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default) =>
        (await OrganizationRowsAsync(ct)).FirstOrDefault(o => o.Info.Id == id)?.Info;

    public async Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default)
    {
        var ids = includeDescendants ? await SubtreeIdsAsync(organizationId, ct) : [organizationId];
        return await db.Members.AsNoTracking().Where(m => ids.Contains(m.OrganizationId) || (m.GroupId != null && ids.Contains(m.GroupId.Value)))
            .OrderBy(m => m.Name).Select(ProjectInfo).ToListAsync(ct);
    }

    // Counts and lists by organisation, stage and situation go to the database: no roster is read for a figure.
    private async Task<IQueryable<Member>> MatchingAsync(MemberQuery query, CancellationToken ct)
    {
        var members = db.Members.AsNoTracking();
        if (query.OrganizationId is { } org)
        {
            var ids = query.IncludeDescendants ? await SubtreeIdsAsync(org, ct) : [org];
            members = members.Where(m => ids.Contains(m.OrganizationId) || (m.GroupId != null && ids.Contains(m.GroupId.Value)));
        }
        if (query.Stages is { Count: > 0 } stages)
        {
            var wanted = stages.ToList();
            members = members.Where(m => wanted.Contains(m.Stage));
        }
        if (query.Situations is { Count: > 0 } situations)
        {
            var wanted = situations.ToList();
            members = members.Where(m => wanted.Contains(m.Situation));
        }
        return members;
    }

    public async Task<IReadOnlyList<MemberInfo>> FindMembersAsync(MemberQuery query, CancellationToken ct = default) =>
        (await (await MatchingAsync(query, ct)).Select(ProjectInfo).ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();

    public async Task<int> CountMembersAsync(MemberQuery query, CancellationToken ct = default) =>
        await (await MatchingAsync(query, ct)).CountAsync(ct);

    public async Task<IReadOnlyDictionary<int, int>> CountMembersByOrganizationAsync(MemberQuery query, CancellationToken ct = default) =>
        await (await MatchingAsync(query, ct)).GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    // One request asks for names many times (a page, its widgets, a module's services): the roster and the members
    // looked up by id are read once per scope, for the agency current when they were read.
    private (int? Agency, IReadOnlyList<MemberInfo> Members)? _roster;
    private readonly Dictionary<(int? Agency, int Id), MemberInfo?> _byId = [];

    // Projected in the query: the protected ID and phone columns are not read.
    public async Task<IReadOnlyList<MemberInfo>> GetAllMembersAsync(CancellationToken ct = default)
    {
        if (_roster is { } kept && kept.Agency == agency.Id) return kept.Members;
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Name).ThenBy(m => m.Id).Select(ProjectInfo).ToListAsync(ct);
        _roster = (agency.Id, members);
        return members;
    }

    // Ids go to the database as one parameter each: chunked well below SQLite's (32,766) and PostgreSQL's (65,535) limits.
    private const int IdsPerQuery = 1000;

    // A page's names (its rows' owners, a few dozen) are asked again on every view of it: those this scope has not read
    // yet are kept per agency and set of ids until the agency's data changes. Larger sets (imports, reports) are read.
    private const int KeptNames = 200;

    public async Task<IReadOnlyList<MemberInfo>> GetMembersAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.ToHashSet();
        if (_roster is { } kept && kept.Agency == agency.Id) return kept.Members.Where(m => wanted.Contains(m.Id)).ToList();
        var current = agency.Id;
        var missing = wanted.Where(id => !_byId.ContainsKey((current, id))).Order().ToArray();
        // The kept value is read from the database, never from this scope's earlier reads: those may be of an older stamp.
        var found = missing.Length is 0 or > KeptNames
            ? await ReadMembersAsync(missing, ct)
            : await agencyCache.GetOrCreateAsync("directory:names:" + string.Join(',', missing), c => ReadMembersAsync(missing, c), ct);
        var byId = found.ToDictionary(m => m.Id);
        foreach (var id in missing) _byId[(current, id)] = byId.GetValueOrDefault(id);
        return wanted.Select(id => _byId[(current, id)]).OfType<MemberInfo>()
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
    }

    private async Task<MemberInfo[]> ReadMembersAsync(int[] ids, CancellationToken ct)
    {
        var found = new List<MemberInfo>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
            found.AddRange(await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(ProjectInfo).ToListAsync(ct));
        return [.. found];
    }

    /// <summary>Drops what this scope read (roster, members by id, scope): after a change made in the same request.</summary>
    public void Forget()
    {
        _roster = null;
        _byId.Clear();
        _scope = null;
        _me = null;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Member, MemberInfo>> ProjectInfo = m =>
        new MemberInfo(m.Id, m.Name, m.Gender, m.Stage, m.Situation, m.OrganizationId, m.GroupId, m.PhoneMasked, m.UserId, m.IsLeadingCadre, m.JoinedDate, m.FullMemberDate)
        { SituationSince = m.SituationSince };

    public async Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default) =>
        await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? ToInfo(m) : null;

    // Ordered by organisation, then post: one organisation's posts keep the order by post.
    private Task<PostInfo[]> CurrentPostsAsync(CancellationToken ct) =>
        agencyCache.GetOrCreateAsync("directory:posts", async c =>
            (await (from p in db.CurrentPosts.AsNoTracking()
                    join m in db.Members.AsNoTracking() on p.MemberId equals m.Id
                    orderby p.OrganizationId, p.Post
                    select new PostInfo(p.OrganizationId, m.Id, m.Name, p.Post, p.Since, null)).ToListAsync(c)).ToArray(), ct);

    public async Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default) =>
        (await CurrentPostsAsync(ct)).Where(p => p.OrganizationId == organizationId).ToList();

    public async Task<IReadOnlyList<PostInfo>> GetAllPostsAsync(CancellationToken ct = default) => (await CurrentPostsAsync(ct)).ToList();

    public Task<IReadOnlyList<PostInfo>> GetPostHistoryAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        PostHistoryAsync(db.Posts.Where(p => p.OrganizationId == organizationId), from, to, ct);

    public Task<IReadOnlyList<PostInfo>> GetAllPostHistoryAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        PostHistoryAsync(db.Posts, from, to, ct);

    private async Task<IReadOnlyList<PostInfo>> PostHistoryAsync(IQueryable<OrganizationPost> posts, DateOnly from, DateOnly to, CancellationToken ct) =>
        await (from p in posts.AsNoTracking()
               join m in db.Members.AsNoTracking() on p.MemberId equals m.Id
               where (p.Since == null || p.Since <= to) && (p.Until == null || p.Until >= @from)
               orderby p.OrganizationId, p.Post, p.Since
               select new PostInfo(p.OrganizationId, m.Id, m.Name, p.Post, p.Since, p.Until)).ToListAsync(ct);

    private (int? Agency, MemberInfo? Member)? _me;

    // Asked several times on most pages (unread notices, modules' "me"): once per request, then per agency until its data changes.
    public async Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default)
    {
        if (user.Id is not { } id) return null;
        if (_me is { } kept && kept.Agency == agency.Id) return kept.Member;
        var me = await agencyCache.GetOrCreateAsync("directory:me:" + id, c =>
            db.Members.AsNoTracking().Where(m => m.UserId == id).Select(ProjectInfo).FirstOrDefaultAsync(c), ct);
        _me = (agency.Id, me);
        return me;
    }

    public async Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        // A scheduled job's read of shared records sees the agency as its Party office does (JobSharedRecords).
        if (!user.IsAuthenticated) return _scope = job.ReadsAsOfficeOf(agency.Id) ? new DataScope(true, new HashSet<int>(), null) : DataScope.None;
        if (user.IsInAgencyRole(Roles.AgencyAdmin)) return _scope = new DataScope(true, new HashSet<int>(), null);
        // An application acts for the agency as a whole, but only through the permissions it was granted there.
        if (application.IsApplication) return _scope = application.Permissions.Count > 0 ? new DataScope(true, new HashSet<int>(), null) : DataScope.None;
        if (user.Id is not { } uid) return _scope = DataScope.None;
        // Asked on every page (navigation): kept for half a minute per user and agency, like the session check.
        return _scope = (await cache.GetOrCreateAsync($"directory-scope:{agency.Id}:{uid}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            var me = await db.Members.AsNoTracking().Where(m => m.UserId == uid).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            if (me is null) return DataScope.None;
            // Committee members (secretary, deputy, commissioners) see and edit their organisation and everything below it.
            var postOrgs = await db.CurrentPosts.AsNoTracking().Where(p => p.MemberId == me).Select(p => p.OrganizationId).Distinct().ToListAsync(ct);
            var visible = new HashSet<int>();
            foreach (var org in postOrgs) visible.UnionWith(await SubtreeIdsAsync(org, ct));
            return new DataScope(false, visible, me);
        }))!;
    }

    /// <summary>The organisation and all below it.</summary>
    public async Task<List<int>> SubtreeIdsAsync(int organizationId, CancellationToken ct)
    {
        var rows = await OrganizationRowsAsync(ct);
        if (rows.FirstOrDefault(o => o.Info.Id == organizationId)?.Path is not { } path) return [];
        return rows.Where(o => o.Path.StartsWith(path, StringComparison.Ordinal)).Select(o => o.Info.Id).ToList();
    }

    public static OrganizationInfo ToInfo(Organization o) => new(o.Id, o.ParentId, o.Kind, o.Name, o.IsWindowBranch, o.TermStart, o.TermEnd);

    public static MemberInfo ToInfo(Member m) =>
        new(m.Id, m.Name, m.Gender, m.Stage, m.Situation, m.OrganizationId, m.GroupId, m.PhoneMasked, m.UserId, m.IsLeadingCadre, m.JoinedDate, m.FullMemberDate)
        { SituationSince = m.SituationSince };
}
