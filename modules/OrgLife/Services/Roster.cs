using Modular.Sdk;

namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// The directory as this module needs it, read once per request: branches, their Party groups, the Party
/// members (full and probationary) of each branch, and its committee. Organisations and people outside the
/// loaded branches come from the SDK's <see cref="PeopleLookup"/>. The module keeps only ids.
/// </summary>
public sealed class Roster(IDirectory directory, PeopleLookup people)
{
    private readonly Dictionary<int, IReadOnlyList<MemberInfo>> _members = [];
    private Dictionary<int, IReadOnlyList<PostInfo>>? _posts;
    private readonly Dictionary<int, ILookup<int, PostInfo>> _secretariesByYear = [];
    private readonly Dictionary<int, MemberInfo?> _known = [];

    public Task<IReadOnlyList<OrganizationInfo>> OrganizationsAsync(CancellationToken ct = default) => people.OrganizationsAsync(ct);

    public async Task<IReadOnlyList<OrganizationInfo>> BranchesAsync(CancellationToken ct = default) =>
        (await OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).ToList();

    public async Task<OrganizationInfo?> BranchAsync(int id, CancellationToken ct = default) =>
        (await OrganizationsAsync(ct)).FirstOrDefault(o => o.Id == id && o.Kind == OrganizationKind.Branch);

    public async Task<IReadOnlyList<OrganizationInfo>> GroupsOfAsync(int branchId, CancellationToken ct = default) =>
        (await OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.PartyGroup && o.ParentId == branchId).ToList();

    public Task<string> OrganizationNameAsync(int id, CancellationToken ct = default) => people.OrganizationNameAsync(id, ct, missing: "—");

    /// <summary>Full and probationary members of the branch and its groups: those who take part in organisational life.</summary>
    public async Task<IReadOnlyList<MemberInfo>> PartyMembersAsync(int branchId, CancellationToken ct = default)
    {
        if (_members.TryGetValue(branchId, out var cached)) return cached;
        var list = (await directory.GetMembersAsync(branchId, includeDescendants: true, ct)).Where(m => m.IsPartyMember).ToList();
        foreach (var m in list) _known[m.Id] = m;
        return _members[branchId] = list;
    }

    /// <summary>The organisation's committee posts; the first call reads those of the whole agency at once (the compliance view asks for every branch).</summary>
    public async Task<IReadOnlyList<PostInfo>> PostsAsync(int branchId, CancellationToken ct = default)
    {
        if (_posts is null)
        {
            var all = await directory.GetAllPostsAsync(ct);
            _posts = all.GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => (IReadOnlyList<PostInfo>)g.ToList());
        }
        return _posts.GetValueOrDefault(branchId) ?? [];
    }

    public async Task<IReadOnlySet<int>> CommitteeAsync(int branchId, CancellationToken ct = default) =>
        (await PostsAsync(branchId, ct)).Select(p => p.MemberId).ToHashSet();

    /// <summary>A branch with three or more committee posts has a committee (支委会); smaller ones have a secretary.</summary>
    public async Task<bool> HasCommitteeAsync(int branchId, CancellationToken ct = default) =>
        (await CommitteeAsync(branchId, ct)).Count >= 3;

    public async Task<int?> SecretaryAsync(int branchId, CancellationToken ct = default) =>
        (await PostsAsync(branchId, ct)).FirstOrDefault(p => p.Post == CommitteePost.Secretary)?.MemberId;

    /// <summary>
    /// Everyone who was secretary of the organisation for some part of <paramref name="year"/>, ended posts included; the
    /// first call of a year reads those of the whole agency at once.
    /// </summary>
    public async Task<IReadOnlyList<PostInfo>> SecretariesOfYearAsync(int organizationId, int year, CancellationToken ct = default)
    {
        if (!_secretariesByYear.TryGetValue(year, out var byOrg))
        {
            var all = await directory.GetAllPostHistoryAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
            byOrg = _secretariesByYear[year] = all.Where(p => p.Post == CommitteePost.Secretary).ToLookup(p => p.OrganizationId);
        }
        return byOrg[organizationId].ToList();
    }

    public async Task<MemberInfo?> MemberAsync(int id, CancellationToken ct = default)
    {
        if (_known.TryGetValue(id, out var m)) return m;
        return _known[id] = await people.MemberAsync(id, ct);
    }

    public async Task<string> NameAsync(int? id, CancellationToken ct = default) =>
        id is { } x && await MemberAsync(x, ct) is { } m ? m.Name : "—";

    /// <summary>Loads the members of these branches at once, so that names of many rows cost one query a branch.</summary>
    public async Task PreloadAsync(IEnumerable<int> branchIds, CancellationToken ct = default)
    {
        foreach (var id in branchIds.Distinct()) await PartyMembersAsync(id, ct);
    }
}
