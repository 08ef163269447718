using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Development;

/// <summary>Member development (发展党员): everything the module contributes, in one place.</summary>
public sealed class DevelopmentModule : IModule
{
    public const string Id = "development";
    /// <summary>See one's own progress, the cases one is named for, the public notice; secretaries and organisation commissioners also work on their branch's cases.</summary>
    public const string ViewPermission = "development.view";
    /// <summary>The Party office: every case of the agency and the yearly plan.</summary>
    public const string ManagePermission = "development.manage";
    /// <summary>Links to the module's pages from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public static string CaseUrl(int caseId) => Links.Page($"/Cases/Details/{caseId}");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<DevelopmentDbContext>(context);
        services.AddScoped<DevelopmentAccess>();
        services.AddScoped<StepAttachments>();
        services.AddScoped<CaseRecorder>();
        services.AddScoped<VoteMeetings>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<CaseArchive>();
        services.AddScoped<CaseImport>();
        services.AddReportSection<DevelopmentReportSection>();
        services.AddIndicatorSource<DevelopmentIndicators>();
        services.AddDashboardWidget<DevelopmentWidget>();
        services.AddTodoProvider<DevelopmentTodo>();
        services.AddDemoDataSeeder<DevelopmentSeeder>();
        services.AddMemberMovedHandler<CaseMover>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("development-pipeline", new LocalizedText("发展党员", "Member development"), "", ViewPermission, 10),
        new("development-mine", new LocalizedText("我的入党进程", "My way to membership"), "Mine", ViewPermission, 20),
        new("development-notices", new LocalizedText("发展公示", "Public notices"), "Notices", ViewPermission, 30),
        new("development-agency", new LocalizedText("发展计划完成情况", "Yearly plan"), "Agency", ManagePermission, 40),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看入党进程和发展公示", "See the way to membership and the public notices"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理发展党员（全单位）", "Manage member development (whole agency)"), [Roles.AgencyAdmin]),
    ];
}
