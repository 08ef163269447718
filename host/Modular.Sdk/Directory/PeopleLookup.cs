namespace Modular.Sdk;

/// <summary>
/// The agency's people and organisations as one request needs them: the names behind the ids on a page (read by id),
/// the whole roster only for pickers and imports, each read at most once per request. Registered by the host per
/// request; a module asks for it instead of writing its own cache over <see cref="IDirectory"/>.
/// </summary>
/// <param name="directory">The directory of the current agency.</param>
public sealed class PeopleLookup(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private Dictionary<int, MemberInfo>? _current;
    private IReadOnlyList<OrganizationInfo>? _organizations;
    private Dictionary<int, OrganizationInfo>? _organizationsById;

    /// <summary>Every organisation of the agency, in the directory's order (tree path, then sort order).</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> OrganizationsAsync(CancellationToken ct = default) =>
        _organizations ??= await directory.GetOrganizationsAsync(ct);

    /// <summary>Every organisation of the agency, by id.</summary>
    public async Task<IReadOnlyDictionary<int, OrganizationInfo>> OrganizationsByIdAsync(CancellationToken ct = default) =>
        _organizationsById ??= (await OrganizationsAsync(ct)).ToDictionary(o => o.Id);

    /// <summary>Everyone on the agency's roster, whatever their status, by id: for pickers and imports, which need everyone.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> AllMembersAsync(CancellationToken ct = default) =>
        _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);

    /// <summary>Everyone still on the roster (<see cref="MemberSituations.IsOnRoster(MemberSituation)"/>: not transferred out, suspended, left or deceased), by id.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> CurrentMembersAsync(CancellationToken ct = default) =>
        _current ??= (await AllMembersAsync(ct)).Values.Where(IsOnRoster).ToDictionary(m => m.Id);

    /// <summary>
    /// Full and probationary members (still on the roster, then), by name: the choices of a member picker. Every module
    /// fills its pickers (leader, owner, organiser, talker …) from here, and checks a posted id against the same list.
    /// </summary>
    public async Task<IReadOnlyList<MemberInfo>> PartyMembersAsync(CancellationToken ct = default) =>
        (await AllMembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();

    /// <summary>The choices of a member picker (<see cref="PartyMembersAsync(CancellationToken)"/>) that <paramref name="where"/> keeps, such as those of the organisations a user plans for.</summary>
    /// <param name="where">Which of the Party members to offer.</param>
    /// <param name="ct">Cancels the read.</param>
    public async Task<IReadOnlyList<MemberInfo>> PartyMembersAsync(Func<MemberInfo, bool> where, CancellationToken ct = default) =>
        (await PartyMembersAsync(ct)).Where(where).ToList();

    /// <summary>
    /// The people behind the ids shown on a page, whatever their status (a record keeps naming someone who left); ids of
    /// other agencies and unknown ids are left out. Uses the roster when it is loaded already.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.ToHashSet();
        if (_members is not null) return wanted.Where(_members.ContainsKey).ToDictionary(id => id, id => _members[id]);
        return (await directory.GetMembersAsync(wanted, ct)).ToDictionary(m => m.Id);
    }

    /// <summary><see cref="NamesAsync(IEnumerable{int}, CancellationToken)"/> for optional ids (nulls are skipped).</summary>
    public Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int?> ids, CancellationToken ct = default) =>
        NamesAsync(ids.OfType<int>(), ct);

    /// <summary>One member of the current agency by id, or null.</summary>
    public async Task<MemberInfo?> MemberAsync(int? memberId, CancellationToken ct = default) =>
        memberId is { } id ? (await NamesAsync([id], ct)).GetValueOrDefault(id) : null;

    /// <summary>Whether the id is a member of the current agency, whatever their status.</summary>
    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) => await MemberAsync(memberId, ct) is not null;

    /// <summary>Whether the id is someone of the current agency still on the roster (not transferred out, suspended, left or deceased).</summary>
    public async Task<bool> IsOnRosterAsync(int memberId, CancellationToken ct = default) => await MemberAsync(memberId, ct) is { } m && IsOnRoster(m);

    /// <summary>A member's name, or <paramref name="missing"/> when the id is unknown or null.</summary>
    public async Task<string> NameAsync(int? memberId, CancellationToken ct = default, string missing = "—") =>
        (await MemberAsync(memberId, ct))?.Name ?? missing;

    /// <summary>An organisation's name; <paramref name="missing"/> when the id is unknown, "" when it is null.</summary>
    public async Task<string> OrganizationNameAsync(int? organizationId, CancellationToken ct = default, string missing = "") =>
        organizationId is not { } id ? "" : (await OrganizationsByIdAsync(ct)).TryGetValue(id, out var o) ? o.Name : missing;

    /// <summary>The branch a member belongs to: their organisation, or the organisation above their Party group.</summary>
    public async Task<int?> BranchOfAsync(int memberId, CancellationToken ct = default)
    {
        if (await MemberAsync(memberId, ct) is not { } m) return null;
        var orgs = await OrganizationsByIdAsync(ct);
        var id = m.OrganizationId;
        while (orgs.TryGetValue(id, out var o) && o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } parent) id = parent;
        return id;
    }

    /// <summary>Still on the roster: not transferred out, suspended, left or deceased (<see cref="MemberInfo.IsOnRoster"/>).</summary>
    public static bool IsOnRoster(MemberInfo member) => member.IsOnRoster;
}
