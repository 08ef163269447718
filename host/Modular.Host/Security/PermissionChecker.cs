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
        var plugin = catalog.Find(permission[..dot]);
        var definition = plugin?.Permissions.FirstOrDefault(p => p.Name == permission);
        if (definition is null || !gate.IsEnabled(agency.Id, plugin!.Id)) return false;
        if (asOffice) return definition.DefaultRoles.Contains(Roles.AgencyAdmin);
        return application.IsApplication ? application.Permissions.Contains(permission) : definition.DefaultRoles.Any(user.IsInAgencyRole);
    }
}
