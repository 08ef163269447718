using Modular.Sdk;
using Modular.Host.Shell.Dashboard;

namespace Modular.Host.PartyDirectory;

/// <summary>The directory's card on the dashboard: organisations, members and what needs attention, for those in charge.</summary>
public sealed class DirectoryWidget(DirectoryWarnings warnings, IDirectory directory) : IDashboardWidget
{
    public string ModuleId => Shell.Dashboard.TodoService.HostModuleId;
    public int Order => 0;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return null;
        var facts = (await warnings.FactsAsync(ct)).Where(f => scope.CanSeeOrganization(f.Organization.Id)).ToList();
        var open = (await warnings.WarningsAsync(scope, ct)).Where(w => w.Level != WarningLevel.Info).ToList();
        return new WidgetContent(new LocalizedText("党组织与党员", "Organisations and members"), "/Directory/Organizations")
        {
            Metrics =
            [
                new(new LocalizedText("党支部", "Branches"), facts.Count(f => f.Organization.Kind == OrganizationKind.Branch).ToString(), Url: "/Directory/Organizations"),
                new(new LocalizedText("党员", "Party members"), facts.Where(f => f.Organization.Kind != OrganizationKind.PartyGroup).Sum(f => f.PartyMembers).ToString(), Url: "/Directory/Members"),
                new(new LocalizedText("需关注", "Need attention"), open.Count.ToString(), open.Count > 0 ? Tone.Danger : Tone.Good, "/Directory/Organizations"),
            ],
            Lines = open.Take(3).Select(w => new WidgetLine($"{w.OrganizationName}：{w.Text}", $"/Directory/Organizations/Details/{w.OrganizationId}", w.Due, Tone.Warning)).ToList(),
        };
    }
}
