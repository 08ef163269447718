namespace Modular.Modules.Volunteer.Services;

/// <summary>
/// Who may do what, once per request. The Party office (volunteer.manage) runs everything; committee members
/// organise for their organisations; the organiser of an activity runs that activity; every member signs up.
/// </summary>
public sealed class VolunteerAccess(ICurrentMember member, PeopleLookup people, IPermissionChecker permissions)
{
    public bool CanView => permissions.IsGranted(VolunteerModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(VolunteerModule.ManagePermission);

    /// <summary>May create activities: the Party office, or a committee member of some organisation.</summary>
    public async Task<bool> CanOrganizeAsync(CancellationToken ct = default) =>
        IsManager || (await member.GetScopeAsync(ct)).OrganizationIds.Count > 0;

    /// <summary>Organisations the user may organise for (all when the scope is agency-wide).</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> OrganizableAsync(CancellationToken ct = default)
    {
        var scope = await member.GetScopeAsync(ct);
        var all = await people.OrganizationsAsync(ct);
        return all.Where(o => o.Kind != OrganizationKind.PartyGroup && (IsManager || scope.CanSeeOrganization(o.Id))).ToList();
    }

    /// <summary>The activities the user may see: drafts only for those who run them.</summary>
    public async Task<IQueryable<Activity>> VisibleAsync(IQueryable<Activity> activities, CancellationToken ct = default)
    {
        if (IsManager) return activities;
        var me = (await member.GetAsync(ct))?.Id ?? -1;
        var orgs = (await member.GetScopeAsync(ct)).OrganizationIds.ToList();
        return activities.Where(a => a.Status != ActivityStatus.Draft || a.OrganizerMemberId == me
            || (a.OrganizationId != null && orgs.Contains(a.OrganizationId.Value)));
    }

    /// <summary>What <see cref="VisibleAsync"/> depends on besides the data, as a part of a cache key.</summary>
    public async Task<string> VisibleKeyAsync(CancellationToken ct = default) =>
        IsManager ? "all" : $"{(await member.GetAsync(ct))?.Id}:{(await member.GetScopeAsync(ct)).Key}";

    /// <summary>May edit, publish, check people in and out and adjust hours of this activity.</summary>
    public async Task<bool> CanManageAsync(Activity activity, CancellationToken ct = default)
    {
        if (IsManager) return true;
        if (await member.IdAsync(ct) == activity.OrganizerMemberId) return true;
        return activity.OrganizationId is { } org && (await member.GetScopeAsync(ct)).OrganizationIds.Contains(org);
    }
}
