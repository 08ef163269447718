using Modular.Sdk;

namespace Modular.Modules.Civilization.Services;

/// <summary>Names of the agency's members for the current request, read from the directory once.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;

    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);
    }

    /// <summary>Members who can own items or lead: Party members, by name.</summary>
    public async Task<IReadOnlyList<MemberInfo>> ChoicesAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Name).ThenBy(m => m.Id).ToList();

    public async Task<string> NameAsync(int? memberId, CancellationToken ct = default) =>
        memberId is { } id && (await MembersAsync(ct)).TryGetValue(id, out var m) ? m.Name : "";

    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) =>
        _members?.ContainsKey(memberId) ?? await directory.GetMemberAsync(memberId, ct) is not null;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ByNameAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Id).ToList());
}
