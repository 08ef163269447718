namespace Modular.Sdk;

/// <summary>
/// Shows one of the module's menu items to someone its permission leaves out, for a reason only the module knows (a
/// committee post, say). Asked only while the module is on, and only when the item's permission is not granted.
/// Register with <c>services.AddMenuItemCheck&lt;T&gt;()</c>; <see cref="ModuleId"/> must be the plugin's own id, as a constant.
/// </summary>
public interface IMenuItemCheck
{
    /// <summary>Owning module id.</summary>
    string ModuleId { get; }
    /// <summary>The <see cref="MenuItem.Id"/> this check may show.</summary>
    string MenuItemId { get; }
    /// <summary>Whether the current user sees the item anyway.</summary>
    Task<bool> ShowsAsync(CancellationToken cancellationToken = default);
}
