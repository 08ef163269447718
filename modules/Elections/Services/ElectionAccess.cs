namespace Modular.Modules.Elections.Services;

/// <summary>
/// Who may do what, once per request: the Party office (elections.manage) runs every organisation's elections; the
/// secretary, deputy secretary and organisation commissioner run their organisation's and those under it; a member sees
/// their own organisation's. Nobody else sees an election; another agency's read as unknown.
/// </summary>
public sealed class ElectionAccess(ICurrentMember member, IDirectory directory, PeopleLookup people, IPermissionChecker permissions, ElectionsDbContext db)
{
    private static readonly CommitteePost[] WorkingPosts = [CommitteePost.Secretary, CommitteePost.DeputySecretary, CommitteePost.OrganizationCommissioner];
    private IReadOnlySet<int>? _work;
    private IReadOnlySet<int>? _visible;

    public bool IsOffice => permissions.IsGranted(ElectionsModule.ManagePermission);

    /// <summary>The organisations (not Party groups) whose elections the user runs.</summary>
    public async Task<IReadOnlySet<int>> WorkAsync(CancellationToken ct = default)
    {
        if (_work is not null) return _work;
        var orgs = await people.OrganizationsAsync(ct);
        var found = new HashSet<int>();
        if (IsOffice) found.UnionWith(orgs.Select(o => o.Id));
        else if (await member.IdAsync(ct) is { } me)
        {
            found.UnionWith((await directory.GetAllPostsAsync(ct)).Where(p => p.MemberId == me && WorkingPosts.Contains(p.Post)).Select(p => p.OrganizationId));
            // A general branch's committee runs the elections of the branches under it too.
            for (var added = true; added;)
                added = orgs.Where(o => o.ParentId is { } parent && found.Contains(parent)).Aggregate(false, (any, o) => found.Add(o.Id) || any);
        }
        found.ExceptWith(orgs.Where(o => o.Kind == OrganizationKind.PartyGroup).Select(o => o.Id));
        return _work = found;
    }

    /// <summary>The organisations whose elections the user sees: those they run and their own.</summary>
    public async Task<IReadOnlySet<int>> VisibleOrganizationsAsync(CancellationToken ct = default)
    {
        if (_visible is not null) return _visible;
        var found = new HashSet<int>(await WorkAsync(ct));
        if (await member.GetAsync(ct) is { } me) found.Add(me.OrganizationId);
        return _visible = found;
    }

    public async Task<bool> RunsAsync(int organizationId, CancellationToken ct = default) => (await WorkAsync(ct)).Contains(organizationId);

    public async Task<IQueryable<Election>> VisibleAsync(CancellationToken ct = default)
    {
        var orgs = (await VisibleOrganizationsAsync(ct)).ToList();
        return db.Elections.AsNoTracking().Where(e => orgs.Contains(e.OrganizationId));
    }
}
