namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Who may do what, once per request. The Party office (supervision.manage) keeps the lists and sees everything; an
/// owner sees and answers what is theirs: a task or ledger item owned by them, or by an organisation they keep (a
/// secretary's or committee member's branch, from their data scope), and the prompts sent to such an organisation.
/// </summary>
public sealed class SupervisionAccess(ICurrentMember me, PeopleLookup people, IPermissionChecker permissions)
{
    public bool CanView => permissions.IsGranted(SupervisionModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(SupervisionModule.ManagePermission);

    /// <summary>The member id of the user (0 when none, which owns nothing) and the organisations they keep.</summary>
    public async Task<(int MemberId, IReadOnlySet<int> Organizations)> OwnerScopeAsync(CancellationToken ct)
    {
        var id = await me.IdAsync(ct) ?? 0;
        var scope = await me.GetScopeAsync(ct);
        return (id, scope.AgencyWide ? (await people.OrganizationsAsync(ct)).Select(o => o.Id).ToHashSet() : scope.OrganizationIds);
    }

    /// <summary>Whether the user answers for a thing owned by <paramref name="memberId"/> or <paramref name="organizationId"/>.</summary>
    public async Task<bool> OwnsAsync(int? organizationId, int? memberId, CancellationToken ct)
    {
        if (!CanView) return false;
        var (id, orgs) = await OwnerScopeAsync(ct);
        return (memberId is { } m && m == id) || (organizationId is { } o && orgs.Contains(o));
    }

    /// <summary>The office sees every task; an owner their own.</summary>
    public async Task<bool> CanSeeAsync(int? organizationId, int? memberId, CancellationToken ct) =>
        CanView && (IsManager || await OwnsAsync(organizationId, memberId, ct));

    /// <summary>Tasks the user sees: all for the office, their own otherwise.</summary>
    public async Task<IQueryable<WorkTask>> VisibleTasksAsync(IQueryable<WorkTask> tasks, CancellationToken ct)
    {
        if (IsManager) return tasks;
        var (id, orgs) = await OwnerScopeAsync(ct);
        var list = orgs.ToList();
        return tasks.Where(t => t.OwnerMemberId == id || (t.OwnerOrganizationId != null && list.Contains(t.OwnerOrganizationId.Value)));
    }

    /// <summary>Ledger items the user sees: all for the office, their own otherwise.</summary>
    public async Task<IQueryable<LedgerItem>> VisibleItemsAsync(IQueryable<LedgerItem> items, CancellationToken ct)
    {
        if (IsManager) return items;
        var (id, orgs) = await OwnerScopeAsync(ct);
        var list = orgs.ToList();
        return items.Where(i => i.OwnerMemberId == id || (i.OwnerOrganizationId != null && list.Contains(i.OwnerOrganizationId.Value)));
    }

    /// <summary>Organisations a task, an item or a prompt may name: every organisation but Party groups.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> OrganizationsAsync(CancellationToken ct) =>
        (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();

    /// <summary>The organisation and every organisation under it.</summary>
    public async Task<IReadOnlySet<int>> SubtreeAsync(int organizationId, CancellationToken ct)
    {
        var all = await people.OrganizationsAsync(ct);
        var found = new HashSet<int> { organizationId };
        bool grew;
        do
        {
            grew = false;
            foreach (var o in all)
                if (o.ParentId is { } p && found.Contains(p) && found.Add(o.Id)) grew = true;
        } while (grew);
        return found;
    }
}
