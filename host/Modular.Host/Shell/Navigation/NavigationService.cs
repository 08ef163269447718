using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Shell.Navigation;

public sealed record NavLink(string Text, string Url, string? Icon = null)
{
    /// <summary>Paths under which this link is the current one, its own first.</summary>
    public IReadOnlyList<string> Covers { get; init; } = [Url];

    /// <summary>Of these links, the one the path belongs to: the longest of their paths that the path falls under, so a
    /// module's home link is not current beside its own pages' links.</summary>
    public static NavLink? Current(IEnumerable<NavLink> links, PathString path) => links
        .SelectMany(l => l.Covers.Select(c => (Link: l, Path: c)))
        .Where(c => c.Path == "/" ? path == "/" : path.StartsWithSegments(c.Path))
        .OrderByDescending(c => c.Path.Length).Select(c => c.Link).FirstOrDefault();
}
public sealed record NavSection(string Title, IReadOnlyList<NavLink> Links);

/// <summary>Left navigation: the host's own pages for the user's roles, then each enabled module's items the user may see.</summary>
public sealed class NavigationService(ModuleGate gate, PluginCatalog catalog, ICurrentAgency agency, ICurrentUser user, IPermissionChecker permissions, IDirectory directory, Localization.IText text,
    IEnumerable<IMenuItemCheck> checks)
{
    public async Task<IReadOnlyList<NavSection>> BuildAsync()
    {
        var sections = new List<NavSection>();
        var home = new List<NavLink> { new(text["Dashboard"], "/") };
        if (agency.Id is not null)
        {
            home.Add(new(text["To-do"], "/Todo"));
            home.Add(new(text["My Party information"], "/Account/Profile"));
        }
        sections.Add(new NavSection(text["Workbench"], home));
        if (agency.Id is not null)
        {
            var scope = await directory.GetCurrentScopeAsync();
            // The monthly report: the Party office's and the secretaries' (and committees'), as MonthlyReportService allows.
            if (scope.AgencyWide || scope.OrganizationIds.Count > 0) home.Add(new(text["Monthly work report"], "/Reports/Monthly"));
            if (scope.AgencyWide || scope.OrganizationIds.Count > 0)
                sections.Add(new NavSection(text["Party organisations and members"], [
                    new(text["Party organisations"], "/Directory/Organizations"),
                    new(text["Members"], "/Directory/Members"),
                ]));
        }

        foreach (var plugin in gate.EnabledPlugins(agency.Id))
        {
            var links = new List<NavLink>();
            foreach (var m in plugin.MenuItems.OrderBy(m => m.Order))
            {
                if (ChecksOf(plugin.Id, m.Id).FirstOrDefault(c => c.Decides) is { } decides)
                {
                    if (!await decides.ShowsAsync()) continue;
                }
                else if (m.Permission is not null && !permissions.IsGranted(m.Permission) && !await ShownByModuleAsync(plugin.Id, m.Id)) continue;
                links.Add(new NavLink(m.Text.Current, ResolveUrl(plugin.Id, m.Url), m.Icon)
                    { Covers = [ResolveUrl(plugin.Id, m.Url), .. m.Covers.Select(c => ResolveUrl(plugin.Id, c))] });
            }
            if (links.Count > 0) sections.Add(new NavSection(plugin.Name.Current, links));
        }

        if (agency.Id is not null && user.IsInAgencyRole(Roles.AgencyAdmin))
        {
            sections.Add(new NavSection(text["Agency administration"], [new(text["Modules of this agency"], "/Agency/Modules"), new(text["Accounts"], "/Agency/Accounts"),
                new(text["Figures shared with the committee"], "/Agency/Sharing")]));
        }
        if (user.IsPlatformAdmin)
        {
            sections.Add(new NavSection(text["Platform"], [
                new(text["Agencies"], "/Platform/Agencies"),
                new(text["Installed modules"], "/Platform/Modules"),
                new(text["Single sign-on applications"], "/Platform/Clients"),
                new(text["Backups"], "/Platform/Backups"),
                new(text["Platform status"], "/Platform/Status"),
                new(text["API for integrators"], "/Platform/Integrators"),
            ]));
        }
        if (user.IsInPlatformRole(Roles.SecurityAdmin))
        {
            sections.Add(new NavSection(text["Security"], [new(text["Administrators"], "/Security/Administrators"), new(text["Plugin publishers"], "/Security/Publishers")]));
        }
        if (user.IsInPlatformRole(Roles.OversightCommittee))
        {
            sections.Add(new NavSection(text["Organ work committee"], [
                new(text["Agencies at a glance"], "/Oversight"),
                new(text["Trends by month"], "/Oversight/Trends"),
                new(text["Tasks to agencies"], "/Oversight/Tasks"),
                new(text["Wall display"], "/Oversight/Display"),
            ]));
        }
        if (user.IsInPlatformRole(Roles.AuditAdmin))
        {
            sections.Add(new NavSection(text["Audit"], [new(text["Audit log"], "/Audit")]));
        }
        return sections;
    }

    /// <summary>
    /// The breadcrumb the layout shows after 首页: the trail the page set, after its module's home page when it starts
    /// there (<see cref="BreadcrumbExtensions.SetTitle"/>); without a trail, on a module's page, the module and the title.
    /// </summary>
    public IReadOnlyList<(string Text, string? Url)> Crumbs(PathString path, string? title, BreadcrumbTrail? trail)
    {
        var items = trail?.Items.Select(b => (b.Text, b.Url)).ToList();
        if (trail is { StartsAtModule: false }) return items!;
        if (ModulePaths.ModuleId(path) is not { } id || catalog.Find(id) is not { } plugin) return items ?? [];
        var home = "/m/" + id;
        var atHome = path.Value!.TrimEnd('/').Equals(home, StringComparison.OrdinalIgnoreCase)
                     || path.Value.TrimEnd('/').Equals(home + "/Index", StringComparison.OrdinalIgnoreCase);
        var name = plugin.Name.Current;
        // On the home page the module is the page itself; its title adds nothing to the trail.
        if (atHome && (items is null || items.Count <= 1)) return [(name, null)];
        if (items is null) return string.IsNullOrEmpty(title) || title == name ? [(name, null)] : [(name, home), (title, null)];
        return [(name, atHome ? null : home), .. items];
    }

    /// <summary>Whether the module's own check shows an item the user's permissions leave out.</summary>
    private async Task<bool> ShownByModuleAsync(string moduleId, string itemId)
    {
        foreach (var check in ChecksOf(moduleId, itemId))
            if (await check.ShowsAsync()) return true;
        return false;
    }

    private IEnumerable<IMenuItemCheck> ChecksOf(string moduleId, string itemId) =>
        checks.Where(c => c.ModuleId == moduleId && c.MenuItemId == itemId);

    public static string ResolveUrl(string moduleId, string url) =>
        url.StartsWith('/') ? url : url.Length == 0 ? $"/m/{moduleId}" : $"/m/{moduleId}/{url}";
}
