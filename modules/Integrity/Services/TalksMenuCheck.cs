namespace Modular.Modules.Integrity.Services;

/// <summary>The agency committee's secretary and discipline commissioner see integrity talks by their post, not a role: so does the menu.</summary>
public sealed class TalksMenuCheck(IntegrityAccess access) : IMenuItemCheck
{
    public string ModuleId => IntegrityModule.Id;
    public string MenuItemId => "integrity-talks";

    /// <inheritdoc />
    public Task<bool> ShowsAsync(CancellationToken cancellationToken = default) => access.ShowsTalksMenuAsync(cancellationToken);
}
