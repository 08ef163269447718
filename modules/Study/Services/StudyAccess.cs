namespace Modular.Modules.Study.Services;

/// <summary>Who may do what, and who takes a test: the whole agency's Party members, those of some organisations (with their groups and sub-organisations), and some people.</summary>
public sealed class StudyAccess(ICurrentMember me, IDirectory directory, IPermissionChecker permissions)
{
    public bool IsManager => permissions.IsGranted(StudyModule.ManagePermission);

    /// <summary>
    /// Whether the user keeps <paramref name="plan"/> and its sessions: the office every plan; a branch secretary or
    /// committee member (the keep permission and the branch in their data scope) their own branch's plan, not another's.
    /// </summary>
    public async Task<bool> CanKeepAsync(StudyPlan plan, CancellationToken ct) =>
        IsManager || plan is { Owner: PlanOwner.Branch, OrganizationId: { } org } && await KeepsBranchAsync(org, ct);

    /// <summary>Whether the user keeps the branch with <paramref name="organizationId"/>'s plans (office, or the branch in their scope).</summary>
    public async Task<bool> KeepsBranchAsync(int organizationId, CancellationToken ct) =>
        IsManager || permissions.IsGranted(StudyModule.KeepPermission) && (await me.GetScopeAsync(ct)).CanSeeOrganization(organizationId);

    /// <summary>Whether the user keeps any plan at all (for the "new plan" button).</summary>
    public async Task<bool> KeepsAnyAsync(CancellationToken ct)
    {
        if (IsManager) return true;
        if (!permissions.IsGranted(StudyModule.KeepPermission)) return false;
        var scope = await me.GetScopeAsync(ct);
        return scope.AgencyWide || scope.OrganizationIds.Count > 0;
    }

    public Task<MemberInfo?> MeAsync(CancellationToken ct) => me.GetAsync(ct);

    /// <summary>The Party members who take <paramref name="test"/>, by id.</summary>
    public async Task<IReadOnlyDictionary<int, MemberInfo>> TakersAsync(StudyTest test, CancellationToken ct)
    {
        var takers = new Dictionary<int, MemberInfo>();
        if (test.WholeAgency)
            foreach (var m in await directory.FindMembersAsync(MemberQuery.PartyMembers, ct)) takers[m.Id] = m;
        else
        {
            foreach (var org in Ids.Parse(test.OrganizationIds))
                foreach (var m in await directory.FindMembersAsync(MemberQuery.PartyMembers with { OrganizationId = org }, ct)) takers[m.Id] = m;
            var people = Ids.Parse(test.MemberIds);
            if (people.Count > 0)
                foreach (var m in await directory.GetMembersAsync(people, ct))
                    if (m.IsPartyMember) takers[m.Id] = m;
        }
        return takers;
    }

    /// <summary>Whether <paramref name="memberId"/> takes <paramref name="test"/>.</summary>
    public async Task<bool> TakesAsync(StudyTest test, int memberId, CancellationToken ct)
    {
        if (Ids.Parse(test.MemberIds).Contains(memberId)) return true;
        // One member's record, not the roster: asked on every answer of every taker.
        if (test.WholeAgency) return await directory.GetMemberAsync(memberId, ct) is { IsPartyMember: true };
        foreach (var org in Ids.Parse(test.OrganizationIds))
            if ((await directory.FindMembersAsync(MemberQuery.PartyMembers with { OrganizationId = org }, ct)).Any(m => m.Id == memberId)) return true;
        return false;
    }
}

/// <summary>Ids kept as comma-separated text.</summary>
public static class Ids
{
    public static IReadOnlyList<int> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    public static string Join(IEnumerable<int> ids) => string.Join(',', ids.Distinct().OrderBy(i => i));
}
