namespace Modular.Modules.Integrity.Services;

/// <summary>The agency committee's secretary and discipline commissioner see integrity talks by their post, not a role: so does the menu.</summary>
public sealed class TalksMenuCheck(IntegrityAccess access, IDirectory directory) : IMenuItemCheck
{
    public string ModuleId => IntegrityModule.Id;
    public string MenuItemId => "integrity-talks";

    // Asked on every page for everyone without the talks role. Most hold no post at all, which the directory's scope
    // (kept per user, and read for the menu anyway) tells without a query; only post holders get the full check.
    public async Task<bool> ShowsAsync(CancellationToken cancellationToken = default) =>
        await directory.GetCurrentScopeAsync(cancellationToken) is not { AgencyWide: false, OrganizationIds.Count: 0 }
        && await access.CanSeeTalksAsync(cancellationToken);
}
