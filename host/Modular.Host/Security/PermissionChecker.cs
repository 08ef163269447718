using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Security;

/// <summary>
/// A permission is held when its module is on for the current agency and the user holds one of
/// the roles it is granted to there (roles come from the session), or, for an application, when the platform
/// granted it the permission in that agency. One rule, in one place.
/// </summary>
public sealed class PermissionChecker(PluginCatalog catalog, Tenancy.ModuleGate gate, ICurrentAgency agency, ICurrentUser user, Oidc.ApplicationCaller application) : IPermissionChecker
{
    public bool IsGranted(string permission)
    {
        if (!user.IsAuthenticated) return false;
        var dot = permission.IndexOf('.');
        if (dot <= 0) return false;
        var plugin = catalog.Find(permission[..dot]);
        var definition = plugin?.Permissions.FirstOrDefault(p => p.Name == permission);
        if (definition is null || !gate.IsEnabled(agency.Id, plugin!.Id)) return false;
        return application.IsApplication ? application.Permissions.Contains(permission) : definition.DefaultRoles.Any(user.IsInAgencyRole);
    }
}
