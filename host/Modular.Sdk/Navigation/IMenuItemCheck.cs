namespace Modular.Sdk;

/// <summary>
/// Shows one of the module's menu items to someone its permission leaves out, for a reason only the module knows (a
/// committee post, say). Asked only while the module is on, and only when the item's permission is not granted — unless
/// <see cref="Decides"/>, for an item whose page asks more than its permission: then the check alone decides, so that no
/// menu item leads anyone to a page that refuses them. Register with <c>services.AddMenuItemCheck&lt;T&gt;()</c>; <see cref="ModuleId"/> must be the plugin's own id, as a constant.
/// </summary>
public interface IMenuItemCheck
{
    /// <summary>Owning module id.</summary>
    string ModuleId { get; }
    /// <summary>The <see cref="MenuItem.Id"/> this check may show.</summary>
    string MenuItemId { get; }
    /// <summary>Whether the current user sees the item anyway.</summary>
    Task<bool> ShowsAsync(CancellationToken cancellationToken = default);
    /// <summary>
    /// When true, <see cref="ShowsAsync"/> decides whether the item shows, whatever the permission says (it hides the
    /// item from users whose permission lets them in but whom the page refuses). False by default: the check only adds.
    /// </summary>
    bool Decides => false;
}
