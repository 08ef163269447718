using Modular.Sdk;

namespace Modular.Modules.Volunteer.Services;

/// <summary>Members and organisations for the current request: the people on a page by id, the whole roster only for pickers.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private Dictionary<int, OrganizationInfo>? _organizations;

    public async Task<IReadOnlyDictionary<int, OrganizationInfo>> OrganizationsAsync(CancellationToken ct = default) =>
        _organizations ??= (await directory.GetOrganizationsAsync(ct)).ToDictionary(o => o.Id);

    /// <summary>Every member of the agency, by id: for pickers, which need everyone.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);
    }

    /// <summary>The people behind the ids shown on a page (the directory reads each once per request).</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int> ids, CancellationToken ct = default) =>
        (await directory.GetMembersAsync(ids.ToHashSet(), ct)).ToDictionary(m => m.Id);

    public async Task<MemberInfo?> MemberAsync(int memberId, CancellationToken ct = default) =>
        (await NamesAsync([memberId], ct)).GetValueOrDefault(memberId);

    /// <summary>Whether the member exists in the current agency (one row read, unless the roster is loaded already).</summary>
    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) => await MemberAsync(memberId, ct) is not null;

    public async Task<string> NameAsync(int memberId, CancellationToken ct = default) => (await MemberAsync(memberId, ct))?.Name ?? "—";

    public async Task<string> OrganizationNameAsync(int? organizationId, CancellationToken ct = default) =>
        organizationId is { } id && (await OrganizationsAsync(ct)).TryGetValue(id, out var o) ? o.Name : "";

    /// <summary>The branch a member belongs to (their organisation, or the branch above their Party group).</summary>
    public async Task<int?> BranchOfAsync(int memberId, CancellationToken ct = default)
    {
        if (await MemberAsync(memberId, ct) is not { } m) return null;
        var orgs = await OrganizationsAsync(ct);
        var id = m.OrganizationId;
        while (orgs.TryGetValue(id, out var o) && o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } parent) id = parent;
        return id;
    }
}
