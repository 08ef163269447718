namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Who may do what, once per request. Members see warning education, their own risk points and rectification items;
/// the Party office and discipline inspection (integrity.manage) keep the registers; integrity talks are for discipline
/// inspection (integrity.talks) and for the secretary and discipline commissioner of the agency's Party committee alone.
/// Also the module's choices of people: departments, and the members a picker offers.
/// </summary>
public sealed class IntegrityAccess(ICurrentMember me, PeopleLookup people, IDirectory directory, IPermissionChecker permissions)
{
    private bool? _talks;

    public bool CanView => permissions.IsGranted(IntegrityModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(IntegrityModule.ManagePermission);

    public async Task<bool> CanSeeTalksAsync(CancellationToken ct = default)
    {
        if (_talks is { } known) return known;
        var allowed = false;
        if (CanView)
        {
            if (permissions.IsGranted(IntegrityModule.TalksPermission)) allowed = true;
            else if (await me.IdAsync(ct) is { } myId)
            {
                foreach (var committee in (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.AgencyCommittee))
                {
                    var posts = await directory.GetPostsAsync(committee.Id, ct);
                    if (posts.Any(p => p.MemberId == myId && p.Post is CommitteePost.Secretary or CommitteePost.DisciplineCommissioner)) { allowed = true; break; }
                }
            }
        }
        _talks = allowed;
        return allowed;
    }

    /// <summary>
    /// For the menu, asked on every page for everyone without the talks role. Most hold no post at all, which their data
    /// scope (kept per request, and read for the menu anyway) tells without a query; only post holders get the full check.
    /// </summary>
    public async Task<bool> ShowsTalksMenuAsync(CancellationToken ct = default) =>
        await me.GetScopeAsync(ct) is not { AgencyWide: false, OrganizationIds.Count: 0 } && await CanSeeTalksAsync(ct);

    /// <summary>The office and discipline inspection see every rectification item; a member their own.</summary>
    public async Task<bool> CanSeeAsync(Data.Rectification item, CancellationToken ct) =>
        CanView && (IsManager || await me.IdAsync(ct) == item.OwnerMemberId);

    /// <summary>Departments a risk point or a session may belong to: every organisation but Party groups.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> DepartmentsAsync(CancellationToken ct) =>
        (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();

    /// <summary>Those of <paramref name="ids"/> who are on the agency's roster still (not transferred out or deceased).</summary>
    public async Task<IReadOnlySet<int>> OnRosterAsync(IEnumerable<int?> ids, CancellationToken ct) =>
        (await people.NamesAsync(ids, ct)).Values.Where(PeopleLookup.IsOnRoster).Select(m => m.Id).ToHashSet();

    /// <summary>Party members expected at a session, by id: of one organisation (with its groups and sub-organisations) or of the whole agency.</summary>
    public async Task<IReadOnlyList<MemberInfo>> SessionRosterAsync(int? organizationId, CancellationToken ct) =>
        (await directory.FindMembersAsync(MemberQuery.PartyMembers with { OrganizationId = organizationId }, ct)).OrderBy(m => m.Id).ToList();
}
