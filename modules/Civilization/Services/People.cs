using Modular.Sdk;

namespace Modular.Modules.Civilization.Services;

/// <summary>The agency's members for the current request: the names on a page by id, the whole roster only for choices.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;

    /// <summary>The whole roster: for pickers and imports, which need everyone.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);
    }

    /// <summary>The people behind the ids shown on a page (the directory reads each once per request).</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int?> ids, CancellationToken ct = default) =>
        (await directory.GetMembersAsync(ids.OfType<int>().ToHashSet(), ct)).ToDictionary(m => m.Id);

    /// <summary>Members who can own items or lead: Party members, by name.</summary>
    public async Task<IReadOnlyList<MemberInfo>> ChoicesAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Name).ThenBy(m => m.Id).ToList();

    public async Task<string> NameAsync(int? memberId, CancellationToken ct = default) =>
        memberId is { } id && (await NamesAsync([id], ct)).TryGetValue(id, out var m) ? m.Name : "";

    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) =>
        (await NamesAsync([memberId], ct)).ContainsKey(memberId);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ByNameAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Id).ToList());
}
