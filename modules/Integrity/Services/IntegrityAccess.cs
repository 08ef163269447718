using Modular.Sdk;

namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Who may do what, once per request. Members see warning education, their own risk points and rectification items;
/// the Party office and discipline inspection (integrity.manage) keep the registers; integrity talks are for discipline
/// inspection (integrity.talks) and for the secretary and discipline commissioner of the agency's Party committee alone.
/// </summary>
public sealed class IntegrityAccess(IDirectory directory, IPermissionChecker permissions)
{
    private MemberInfo? _me;
    private bool _meLoaded;
    private bool? _talks;

    public bool CanView => permissions.IsGranted(IntegrityModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(IntegrityModule.ManagePermission);

    public async Task<MemberInfo?> MeAsync(CancellationToken ct = default)
    {
        if (!_meLoaded) { _me = await directory.GetCurrentMemberAsync(ct); _meLoaded = true; }
        return _me;
    }

    public async Task<bool> CanSeeTalksAsync(CancellationToken ct = default)
    {
        if (_talks is { } known) return known;
        var allowed = false;
        if (CanView)
        {
            if (permissions.IsGranted(IntegrityModule.TalksPermission)) allowed = true;
            else if (await MeAsync(ct) is { } me)
            {
                foreach (var committee in (await directory.GetOrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.AgencyCommittee))
                {
                    var posts = await directory.GetPostsAsync(committee.Id, ct);
                    if (posts.Any(p => p.MemberId == me.Id && p.Post is CommitteePost.Secretary or CommitteePost.DisciplineCommissioner)) { allowed = true; break; }
                }
            }
        }
        _talks = allowed;
        return allowed;
    }
}

public static class RectificationAccess
{
    /// <summary>The office and discipline inspection see every item; a member their own.</summary>
    public static async Task<bool> CanSeeAsync(Data.Rectification item, IntegrityAccess access, CancellationToken ct) =>
        access.CanView && (access.IsManager || (await access.MeAsync(ct))?.Id == item.OwnerMemberId);
}
