using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Security;

/// <summary>
/// A permission is held when its module is on for the current agency and the user holds one of
/// the roles it is granted to there (roles come from the session), or, for an application, when the platform
/// granted it the permission in that agency, or, for a scheduled job's read of shared records, when the Party office
/// holds it. One rule, in one place.
/// </summary>
public sealed class PermissionChecker(PluginCatalog catalog, Tenancy.ModuleGate gate, ICurrentAgency agency, ICurrentUser user, Oidc.ApplicationCaller application,
    Jobs.JobRunContext job) : IPermissionChecker
{
    public bool IsGranted(string permission)
    {
        // A job's read of shared records holds what the agency's Party office holds (JobSharedRecords).
        var asOffice = !user.IsAuthenticated && job.ReadsAsOfficeOf(agency.Id);
        if (!user.IsAuthenticated && !asOffice) return false;
        var dot = permission.IndexOf('.');
        if (dot <= 0) return false;
        if (Definition(permission, dot) is not { } found || !gate.IsEnabled(agency.Id, found.Plugin.Id)) return false;
        var definition = found.Definition;
        if (asOffice) return definition.DefaultRoles.Contains(Roles.AgencyAdmin);
        if (application.IsApplication) return application.Permissions.Contains(permission);
        foreach (var role in definition.DefaultRoles)
            if (user.IsInAgencyRole(role)) return true;
        return false;
    }

    // The running plugin that defines the permission, and its definition: asked for every menu item, so no allocation.
    private (PluginDescriptor Plugin, PermissionDefinition Definition)? Definition(string permission, int dot)
    {
        if (catalog.Find(permission.AsSpan(0, dot)) is not { } plugin) return null;
        var definitions = plugin.Permissions;
        for (var j = 0; j < definitions.Count; j++)
            if (definitions[j].Name == permission) return (plugin, definitions[j]);
        return null;
    }
}
