using Modular.Sdk;

namespace Modular.Modules.Integrity.Services;

/// <summary>The agency's people and organisations as the module needs them (names for the ids on a page, choices for forms), each read once per request.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private IReadOnlyList<OrganizationInfo>? _orgs;

    public async Task<IReadOnlyList<OrganizationInfo>> OrganizationsAsync(CancellationToken ct) => _orgs ??= await directory.GetOrganizationsAsync(ct);

    /// <summary>Departments a risk point or a session may belong to: every organisation but Party groups.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> DepartmentsAsync(CancellationToken ct) =>
        (await OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();

    /// <summary>Everyone on the agency's roster still in it (not transferred out or deceased): for pickers and whole-agency lists only.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct))
            .Where(m => m.Status is not (MemberStatus.TransferredOut or MemberStatus.Deceased)).ToDictionary(m => m.Id);
    }

    /// <summary>The people behind the ids shown on a page, whatever their status (a record keeps naming someone who left); the directory reads each once per request.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int> ids, CancellationToken ct) =>
        (await directory.GetMembersAsync(ids.ToHashSet(), ct)).ToDictionary(m => m.Id);

    public async Task<string> NameAsync(int memberId, CancellationToken ct) =>
        (await NamesAsync([memberId], ct)).TryGetValue(memberId, out var m) ? m.Name : "—";

    public async Task<string> OrganizationNameAsync(int? id, CancellationToken ct) =>
        id is null ? "" : (await OrganizationsAsync(ct)).FirstOrDefault(o => o.Id == id)?.Name ?? "—";

    /// <summary>Whether the id is someone on the agency's roster still in it (one row read unless the roster is loaded).</summary>
    public async Task<bool> IsMemberAsync(int memberId, CancellationToken ct) =>
        _members?.ContainsKey(memberId)
        ?? ((await NamesAsync([memberId], ct)).TryGetValue(memberId, out var m) && m.Status is not (MemberStatus.TransferredOut or MemberStatus.Deceased));

    /// <summary>Party members expected at a session: of one organisation (with its groups and sub-organisations) or of the whole agency.</summary>
    public async Task<IReadOnlyList<MemberInfo>> PartyMembersAsync(int? organizationId, CancellationToken ct)
    {
        if (organizationId is { } id) return (await directory.GetMembersAsync(id, includeDescendants: true, ct)).Where(m => m.IsPartyMember).OrderBy(m => m.Id).ToList();
        return (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Id).ToList();
    }

    /// <summary>Members for a picker, by organisation then name.</summary>
    public async Task<IReadOnlyList<MemberInfo>> PickerAsync(CancellationToken ct) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.OrganizationId).ThenBy(m => m.Name).ToList();
}
