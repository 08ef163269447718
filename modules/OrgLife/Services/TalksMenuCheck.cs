namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// 谈心谈话 is kept by those who keep a branch's records (the Party office, secretaries, committee members). Every member
/// holds the record permission (what it covers follows the directory), so the permission alone would show the item to
/// members whom the page refuses: this check decides instead.
/// </summary>
public sealed class TalksMenuCheck(OrgLifeAccess access) : IMenuItemCheck
{
    public string ModuleId => OrgLifeModule.Id;
    public string MenuItemId => OrgLifeModule.TalksMenuItem;
    public bool Decides => true;

    /// <inheritdoc />
    public Task<bool> ShowsAsync(CancellationToken cancellationToken = default) => access.RecordsAnyAsync(cancellationToken);
}
