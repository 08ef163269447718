using Modular.Modules.Civilization.Data;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Services;

/// <summary>
/// Who may do what: every member of the agency sees the campaigns and submits evidence for the items they own; the
/// Party office (civilization.manage) keeps campaigns and frameworks, reviews items and records activities and honours.
/// </summary>
public sealed class CivilizationAccess(IDirectory directory, IPermissionChecker permissions)
{
    private MemberInfo? _me;
    private bool _meLoaded;

    public bool CanView => permissions.IsGranted(CivilizationModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(CivilizationModule.ManagePermission);

    public async Task<MemberInfo?> MeAsync(CancellationToken ct = default)
    {
        if (!_meLoaded) { _me = await directory.GetCurrentMemberAsync(ct); _meLoaded = true; }
        return _me;
    }

    /// <summary>
    /// An evidence entry may be deleted by the office, and by its author until a reviewer has marked the item met after the
    /// entry came in (the item's status is then 已达标 and its review time is later than the entry): what the verdict rests on stays.
    /// </summary>
    public async Task<bool> CanDeleteEvidenceAsync(CriteriaItem item, Evidence entry, CancellationToken ct = default)
    {
        if (IsManager) return true;
        if (entry.SubmittedByMemberId is not { } author || (await MeAsync(ct))?.Id != author) return false;
        return !(item.Status == Domain.ItemStatus.Met && item.ReviewedAt is { } reviewed && reviewed >= entry.SubmittedAt);
    }

    /// <summary>The item's owner or the Party office.</summary>
    public async Task<bool> CanSubmitAsync(CriteriaItem item, CancellationToken ct = default) =>
        IsManager || (item.OwnerMemberId is { } owner && (await MeAsync(ct))?.Id == owner);
}
