using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Elections;

/// <summary>Elections (换届选举): everything the module contributes, in one place.</summary>
public sealed class ElectionsModule : IModule
{
    public const string Id = "elections";
    /// <summary>See the elections of one's organisation; the secretary, deputy and organisation commissioner also run them.</summary>
    public const string ViewPermission = "elections.view";
    /// <summary>The Party office: every organisation's elections and terms.</summary>
    public const string ManagePermission = "elections.manage";
    /// <summary>Links to the module's pages from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public static string ElectionUrl(int id) => Links.Page($"/Details/{id}");
    public static string OrganizationUrl(int id) => Links.Page($"/Organization/{id}");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<ElectionsDbContext>(context);
        services.AddScoped<ElectionAccess>();
        services.AddScoped<TermOverview>();
        services.AddScoped<ElectionRecorder>();
        services.AddScoped<ElectionMeetings>();
        services.AddScoped<StepFiles>();
        services.AddScoped<TermFiles>();
        services.AddDashboardWidget<ElectionsWidget>();
        services.AddTodoProvider<ElectionsTodo>();
        services.AddReportSection<ElectionsReportSection>();
        services.AddDemoDataSeeder<ElectionsSeeder>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("elections", new LocalizedText("换届选举", "Elections"), "", ViewPermission, 10),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看和组织换届选举", "See and run elections"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理换届选举（全单位）", "Manage elections (whole agency)"), [Roles.AgencyAdmin]),
    ];
}
