namespace Modular.Modules.Civilization.Services;

/// <summary>
/// Who may do what: every member of the agency sees the campaigns and submits evidence for the items they own; the
/// Party office (civilization.manage) keeps campaigns and frameworks, reviews items and records activities and honours.
/// Also the module's choices of people (owners and leaders).
/// </summary>
public sealed class CivilizationAccess(ICurrentMember me, PeopleLookup people, IPermissionChecker permissions)
{
    public bool CanView => permissions.IsGranted(CivilizationModule.ViewPermission);
    public bool IsManager => permissions.IsGranted(CivilizationModule.ManagePermission);

    /// <summary>An evidence entry may be deleted by the office, and by its author as <see cref="ItemRules.AuthorMayDelete"/> says.</summary>
    public async Task<bool> CanDeleteEvidenceAsync(CriteriaItem item, Evidence entry, CancellationToken ct = default)
    {
        if (IsManager) return true;
        if (entry.SubmittedByMemberId is not { } author || await me.IdAsync(ct) != author) return false;
        return ItemRules.AuthorMayDelete(item.Status, item.ReviewedAt, entry.SubmittedAt);
    }

    /// <summary>The item's owner or the Party office.</summary>
    public async Task<bool> CanSubmitAsync(CriteriaItem item, CancellationToken ct = default) =>
        IsManager || (item.OwnerMemberId is { } owner && await me.IdAsync(ct) == owner);

    /// <summary>Party members' ids by name (several when names repeat), for a framework sheet's owner column.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> PartyMembersByNameAsync(CancellationToken ct = default) =>
        (await people.AllMembersAsync(ct)).Values.Where(m => m.IsPartyMember).GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Id).ToList());
}
