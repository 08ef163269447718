using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.Civilization.Api;

namespace Modular.Modules.Civilization;

/// <summary>Civilization creation (文明创建): everything the module contributes, in one place.</summary>
public sealed class CivilizationModule : IModule
{
    public const string Id = "civilization";
    public const string ViewPermission = "civilization.view";
    public const string ManagePermission = "civilization.manage";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<CivilizationDbContext>(context);
        services.AddScoped<CivilizationAccess>();
        services.AddScoped<ItemEvidence>();
        services.AddScoped<Framework>();
        services.AddScoped<FrameworkImport>();
        services.AddScoped<EvidenceFiles>();
        services.AddScoped<CampaignExport>();
        services.AddDashboardWidget<CivilizationWidget>();
        services.AddTodoProvider<CivilizationTodo>();
        services.AddDemoDataSeeder<CivilizationSeeder>();
        services.AddReportSection<CivilizationReportSection>();
        services.AddIndicatorSource<CivilizationIndicators>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("civilization-campaigns", new LocalizedText("文明创建", "Civilization creation"), "", ViewPermission, 10),
        new("civilization-practice", new LocalizedText("文明实践活动", "Practice-point activities"), "Practice", ViewPermission, 20),
        new("civilization-honours", new LocalizedText("荣誉称号", "Honours"), "Honours", ViewPermission, 30),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看文明创建、提交本人负责事项的佐证材料", "See civilization creation; submit evidence for one's own items"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理文明创建（创建活动、测评体系、审核、实践活动、荣誉）", "Manage civilization creation (campaigns, framework, review, activities, honours)"), [Roles.AgencyAdmin]),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api) => CivilizationApi.Map(api);
}
