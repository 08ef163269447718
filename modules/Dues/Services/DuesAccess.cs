namespace Modular.Modules.Dues.Services;

/// <summary>
/// Who may do what, once per request: the Party office (dues.manage) works on the whole agency; a collector (dues.collect,
/// named by the office for a branch) on the members of that branch; a member sees their own dues. Only full and
/// probationary members on the roster pay dues.
/// </summary>
public sealed class DuesAccess(ICurrentMember member, PeopleLookup people, IPermissionChecker permissions, DuesDbContext db)
{
    private IReadOnlySet<int>? _branches;

    public bool IsOffice => permissions.IsGranted(DuesModule.ManagePermission);

    public Task<int?> MeAsync(CancellationToken ct = default) => member.IdAsync(ct);

    /// <summary>The branches whose dues the user collects: every branch for the office, the branches they are named for otherwise.</summary>
    public async Task<IReadOnlySet<int>> CollectBranchesAsync(CancellationToken ct = default)
    {
        if (_branches is not null) return _branches;
        if (IsOffice) return _branches = (await people.OrganizationsAsync(ct)).Select(o => o.Id).ToHashSet();
        if (!permissions.IsGranted(DuesModule.CollectPermission) || await member.IdAsync(ct) is not { } me) return _branches = new HashSet<int>();
        var named = await db.Collectors.AsNoTracking().Where(c => c.MemberId == me).Select(c => c.OrganizationId).ToListAsync(ct);
        // Only organisations still in the directory count (an old assignment to a dissolved branch gives nothing).
        var orgs = await people.OrganizationsByIdAsync(ct);
        return _branches = named.Where(orgs.ContainsKey).ToHashSet();
    }

    public async Task<bool> CollectsAsync(CancellationToken ct = default) => IsOffice || (await CollectBranchesAsync(ct)).Count > 0;

    /// <summary>The branch of each member (the organisation above a Party group).</summary>
    public async Task<int> BranchOfAsync(MemberInfo m, CancellationToken ct = default)
    {
        var orgs = await people.OrganizationsByIdAsync(ct);
        var id = m.OrganizationId;
        while (orgs.TryGetValue(id, out var o) && o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } parent) id = parent;
        return id;
    }

    /// <summary>The members who pay dues (full and probationary, on the roster) in the branches the user collects, with their branch.</summary>
    public async Task<IReadOnlyList<(MemberInfo Member, int Branch)>> PayersAsync(CancellationToken ct = default)
    {
        var branches = await CollectBranchesAsync(ct);
        return branches.Count == 0 ? [] : (await AllPayersAsync(ct)).Where(p => branches.Contains(p.Branch)).ToList();
    }

    /// <summary>Every member of the agency who pays dues, with their branch: for figures, never for showing people.</summary>
    public async Task<IReadOnlyList<(MemberInfo Member, int Branch)>> AllPayersAsync(CancellationToken ct = default)
    {
        var list = new List<(MemberInfo, int)>();
        foreach (var m in await people.PartyMembersAsync(ct)) list.Add((m, await BranchOfAsync(m, ct)));
        return list;
    }

    /// <summary>A payer the user collects for; null for anyone else (another agency's id, someone not paying, another branch).</summary>
    public async Task<(MemberInfo Member, int Branch)?> PayerAsync(int memberId, CancellationToken ct = default)
    {
        if (await people.MemberAsync(memberId, ct) is not { IsPartyMember: true } m) return null;
        var branch = await BranchOfAsync(m, ct);
        return (await CollectBranchesAsync(ct)).Contains(branch) ? (m, branch) : null;
    }

    /// <summary>Whether the user may see the member's dues: their own, or as collector or office.</summary>
    public async Task<(MemberInfo Member, int Branch)?> VisibleAsync(int memberId, CancellationToken ct = default)
    {
        if (await PayerAsync(memberId, ct) is { } payer) return payer;
        if (await member.GetAsync(ct) is { } me && me.Id == memberId && me.IsPartyMember) return (me, await BranchOfAsync(me, ct));
        return null;
    }
}
