namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Who sees and records what, from the directory's data scope: the Party office sees and records every
/// branch; a secretary or committee member their branch (and its groups); a member only the meetings
/// they are expected at, read-only.
/// </summary>
public sealed class OrgLifeAccess(ICurrentMember member, IPermissionChecker permissions, PeopleLookup people)
{
    private Task<DataScope> ScopeAsync(CancellationToken ct) => member.GetScopeAsync(ct);

    public async Task<bool> CanRecordAsync(int branchId, CancellationToken ct = default) =>
        permissions.IsGranted(OrgLifeModule.RecordPermission) && (await ScopeAsync(ct)).CanSeeOrganization(branchId);

    /// <summary>True for anyone who records for at least one branch (Party office, secretaries, committee members).</summary>
    public async Task<bool> RecordsAnyAsync(CancellationToken ct = default)
    {
        var s = await ScopeAsync(ct);
        return permissions.IsGranted(OrgLifeModule.RecordPermission) && (s.AgencyWide || s.OrganizationIds.Count > 0);
    }

    public async Task<IQueryable<Meeting>> VisibleAsync(IQueryable<Meeting> meetings, CancellationToken ct = default)
    {
        var s = await ScopeAsync(ct);
        if (s.AgencyWide) return meetings;
        var orgs = s.OrganizationIds.ToList();
        var own = s.OwnMemberId ?? -1;
        return meetings.Where(m => orgs.Contains(m.BranchId) || m.Attendees.Any(a => a.MemberId == own));
    }

    /// <summary>The branches whose records the user keeps, among <paramref name="branches"/>.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> RecordableBranchesAsync(IEnumerable<OrganizationInfo> branches, CancellationToken ct = default)
    {
        if (!permissions.IsGranted(OrgLifeModule.RecordPermission)) return [];
        var s = await ScopeAsync(ct);
        return branches.Where(b => s.CanSeeOrganization(b.Id)).ToList();
    }

    /// <summary>The agency committee and general branches whose secretaries' lecture the user sees: those in their scope.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> LectureOrganizationsAboveBranchesAsync(Roster roster, CancellationToken ct = default)
    {
        var s = await ScopeAsync(ct);
        return (await roster.OrganizationsAsync(ct))
            .Where(o => o.Kind is OrganizationKind.AgencyCommittee or OrganizationKind.GeneralBranch && s.CanSeeOrganization(o.Id)).ToList();
    }

    /// <summary>Branches whose compliance the user sees: all (Party office), those they keep, or their own branch (members).</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> ComplianceBranchesAsync(Roster roster, CancellationToken ct = default)
    {
        var s = await ScopeAsync(ct);
        var branches = await roster.BranchesAsync(ct);
        if (s.AgencyWide || s.OrganizationIds.Count > 0) return branches.Where(b => s.CanSeeOrganization(b.Id)).ToList();
        if (s.OwnMemberId is { } me && await people.MemberAsync(me, ct) is { } own)
            return branches.Where(b => b.Id == own.OrganizationId).ToList();
        return [];
    }
}
