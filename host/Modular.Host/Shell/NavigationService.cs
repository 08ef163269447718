using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell;

public sealed record NavLink(string Text, string Url, string? Icon = null);
public sealed record NavSection(string Title, IReadOnlyList<NavLink> Links);

/// <summary>Left navigation: the host's own pages for the user's roles, then each enabled module's items the user may see.</summary>
public sealed class NavigationService(ModuleGate gate, ICurrentAgency agency, ICurrentUser user, IPermissionChecker permissions, Localization.IText text)
{
    public IReadOnlyList<NavSection> Build()
    {
        var sections = new List<NavSection>();
        var home = new List<NavLink> { new(text["Dashboard"], "/"), new(text["To-do"], "/Todo") };
        sections.Add(new NavSection(text["Workbench"], home));

        foreach (var plugin in gate.EnabledPlugins(agency.Id))
        {
            var links = plugin.MenuItems
                .Where(m => m.Permission is null || permissions.IsGranted(m.Permission))
                .OrderBy(m => m.Order)
                .Select(m => new NavLink(m.Text.Current, ResolveUrl(plugin.Id, m.Url), m.Icon))
                .ToList();
            if (links.Count > 0) sections.Add(new NavSection(plugin.Name.Current, links));
        }

        if (agency.Id is not null && user.IsInAgencyRole(Roles.AgencyAdmin))
        {
            sections.Add(new NavSection(text["Agency administration"], [new(text["Modules of this agency"], "/Agency/Modules"), new(text["Accounts"], "/Agency/Accounts")]));
        }
        if (user.IsPlatformAdmin)
        {
            sections.Add(new NavSection(text["Platform"], [
                new(text["Agencies"], "/Platform/Agencies"),
                new(text["Installed modules"], "/Platform/Modules"),
            ]));
        }
        if (user.IsInPlatformRole(Roles.SecurityAdmin))
        {
            sections.Add(new NavSection(text["Security"], [new(text["Administrators"], "/Security/Administrators")]));
        }
        if (user.IsInPlatformRole(Roles.AuditAdmin))
        {
            sections.Add(new NavSection(text["Audit"], [new(text["Audit log"], "/Audit")]));
        }
        return sections;
    }

    public static string ResolveUrl(string moduleId, string url) =>
        url.StartsWith('/') ? url : url.Length == 0 ? $"/m/{moduleId}" : $"/m/{moduleId}/{url}";
}
