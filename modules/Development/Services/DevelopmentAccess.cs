namespace Modular.Modules.Development.Services;

/// <summary>
/// Who may do what, once per request: the Party office (development.manage) works on the whole agency; the secretary,
/// deputy secretary and organisation commissioner on their organisation and those under it; the person sees their own
/// progress; mentors and sponsors see the people they are named for. Nobody else sees a case.
/// </summary>
public sealed class DevelopmentAccess(ICurrentMember member, IDirectory directory, PeopleLookup people, IPermissionChecker permissions, DevelopmentDbContext db)
{
    private static readonly CommitteePost[] WorkingPosts = [CommitteePost.Secretary, CommitteePost.DeputySecretary, CommitteePost.OrganizationCommissioner];
    private IReadOnlySet<int>? _branches;

    public bool CanView => permissions.IsGranted(DevelopmentModule.ViewPermission);
    public bool IsOffice => permissions.IsGranted(DevelopmentModule.ManagePermission);

    public Task<int?> MeAsync(CancellationToken ct = default) => member.IdAsync(ct);

    /// <summary>The organisations whose cases the user works on (all of the agency's for the office).</summary>
    public async Task<IReadOnlySet<int>> WorkBranchesAsync(CancellationToken ct = default)
    {
        if (_branches is not null) return _branches;
        var orgs = await people.OrganizationsAsync(ct);
        if (IsOffice) return _branches = orgs.Select(o => o.Id).ToHashSet();
        if (await member.IdAsync(ct) is not { } me) return _branches = new HashSet<int>();
        var found = (await directory.GetAllPostsAsync(ct)).Where(p => p.MemberId == me && WorkingPosts.Contains(p.Post)).Select(p => p.OrganizationId).ToHashSet();
        // A general branch's committee works on the branches under it too.
        for (var added = true; added;)
            added = orgs.Where(o => o.ParentId is { } parent && found.Contains(parent)).Aggregate(false, (any, o) => found.Add(o.Id) || any);
        return _branches = found;
    }

    /// <summary>Works on some cases: the office, or a secretary or organisation commissioner.</summary>
    public async Task<bool> WorksOnCasesAsync(CancellationToken ct = default) => IsOffice || (await WorkBranchesAsync(ct)).Count > 0;

    public async Task<bool> CanManageAsync(DevelopmentCase c, CancellationToken ct = default) =>
        IsOffice || (await WorkBranchesAsync(ct)).Contains(c.OrganizationId);

    /// <summary>The cases the user may see: those they work on, their own, and those they are named for.</summary>
    public async Task<IQueryable<DevelopmentCase>> VisibleAsync(CancellationToken ct = default)
    {
        if (IsOffice) return db.Cases.AsNoTracking();
        var branches = (await WorkBranchesAsync(ct)).ToList();
        var me = await member.IdAsync(ct) ?? -1;
        return db.Cases.AsNoTracking().Where(c => branches.Contains(c.OrganizationId) || c.MemberId == me
            || db.Helpers.Any(h => h.CaseId == c.Id && h.MemberId == me));
    }

    /// <summary>The cases the user works on (not only sees).</summary>
    public async Task<IQueryable<DevelopmentCase>> ManagedAsync(CancellationToken ct = default)
    {
        if (IsOffice) return db.Cases.AsNoTracking();
        var branches = (await WorkBranchesAsync(ct)).ToList();
        return db.Cases.AsNoTracking().Where(c => branches.Contains(c.OrganizationId));
    }
}
