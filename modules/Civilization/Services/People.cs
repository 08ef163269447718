using Modular.Sdk;

namespace Modular.Modules.Civilization.Services;

/// <summary>The agency's members for the current request: the names on a page by id, the whole roster only for choices.</summary>
public sealed class People(IDirectory directory)
{
    private Dictionary<int, MemberInfo>? _members;
    private readonly Dictionary<int, MemberInfo?> _looked = [];

    /// <summary>The whole roster: for pickers and imports, which need everyone.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> MembersAsync(CancellationToken ct = default)
    {
        return _members ??= (await directory.GetAllMembersAsync(ct)).ToDictionary(m => m.Id);
    }

    /// <summary>The people behind the ids shown on a page: one batch lookup of those not read yet in this request (none once the roster is loaded).</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> NamesAsync(IEnumerable<int?> ids, CancellationToken ct = default)
    {
        var wanted = ids.OfType<int>().ToHashSet();
        if (_members is not null) return wanted.Where(_members.ContainsKey).ToDictionary(id => id, id => _members[id]);
        var missing = wanted.Where(id => !_looked.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var found = (await directory.GetMembersAsync(missing, ct)).ToDictionary(m => m.Id);
            foreach (var id in missing) _looked[id] = found.GetValueOrDefault(id);
        }
        return wanted.Where(id => _looked[id] is not null).ToDictionary(id => id, id => _looked[id]!);
    }

    /// <summary>Members who can own items or lead: Party members, by name.</summary>
    public async Task<IReadOnlyList<MemberInfo>> ChoicesAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Name).ThenBy(m => m.Id).ToList();

    public async Task<string> NameAsync(int? memberId, CancellationToken ct = default) =>
        memberId is { } id && (await NamesAsync([id], ct)).TryGetValue(id, out var m) ? m.Name : "";

    public async Task<bool> ExistsAsync(int memberId, CancellationToken ct = default) =>
        _members?.ContainsKey(memberId) ?? (await NamesAsync([memberId], ct)).ContainsKey(memberId);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ByNameAsync(CancellationToken ct = default) =>
        (await MembersAsync(ct)).Values.Where(m => m.IsPartyMember).GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Id).ToList());
}
