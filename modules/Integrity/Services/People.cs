using Modular.Sdk;

namespace Modular.Modules.Integrity.Services;

/// <summary>The agency's roster and organisations as the module needs them (names for ids, choices for forms), read once per request.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private IReadOnlyList<OrganizationInfo>? _orgs;

    public async Task<IReadOnlyList<OrganizationInfo>> OrganizationsAsync(CancellationToken ct) => _orgs ??= await directory.GetOrganizationsAsync(ct);

    /// <summary>Departments a risk point or a session may belong to: every organisation but Party groups.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> DepartmentsAsync(CancellationToken ct) =>
        (await OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();

    /// <summary>Everyone on the agency's roster still in it (not transferred out or deceased).</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct))
            .Where(m => m.Status is not (MemberStatus.TransferredOut or MemberStatus.Deceased)).ToDictionary(m => m.Id);
    }

    public async Task<string> NameAsync(int memberId, CancellationToken ct) =>
        (await MembersAsync(ct)).TryGetValue(memberId, out var m) ? m.Name : "—";

    public async Task<string> OrganizationNameAsync(int? id, CancellationToken ct) =>
        id is null ? "" : (await OrganizationsAsync(ct)).FirstOrDefault(o => o.Id == id)?.Name ?? "—";

    public async Task<bool> IsMemberAsync(int memberId, CancellationToken ct) => (await MembersAsync(ct)).ContainsKey(memberId);

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
