using Modular.Sdk;

namespace Modular.Modules.Volunteer.Services;

/// <summary>Names of members and organisations for the current request, read from the directory once.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private Dictionary<int, OrganizationInfo>? _organizations;

    public async Task<IReadOnlyDictionary<int, OrganizationInfo>> OrganizationsAsync(CancellationToken ct = default) =>
        _organizations ??= (await directory.GetOrganizationsAsync(ct)).ToDictionary(o => o.Id);

    /// <summary>Every member of the agency, by id.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);
    }

    /// <summary>Whether the member exists in the current agency (one row read, unless the roster is loaded already).</summary>
    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) =>
        _members?.ContainsKey(memberId) ?? await directory.GetMemberAsync(memberId, ct) is not null;

    public async Task<string> NameAsync(int memberId, CancellationToken ct = default) =>
        (await MembersAsync(ct)).TryGetValue(memberId, out var m) ? m.Name : "—";

    public async Task<string> OrganizationNameAsync(int? organizationId, CancellationToken ct = default) =>
        organizationId is { } id && (await OrganizationsAsync(ct)).TryGetValue(id, out var o) ? o.Name : "";

    /// <summary>The branch a member belongs to (their organisation, or the branch above their Party group).</summary>
    public async Task<int?> BranchOfAsync(int memberId, CancellationToken ct = default)
    {
        if (!(await MembersAsync(ct)).TryGetValue(memberId, out var m)) return null;
        var orgs = await OrganizationsAsync(ct);
        var id = m.OrganizationId;
        while (orgs.TryGetValue(id, out var o) && o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } parent) id = parent;
        return id;
    }
}
