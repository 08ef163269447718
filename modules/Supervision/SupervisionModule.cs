using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.Supervision.Api;

namespace Modular.Modules.Supervision;

/// <summary>Supervision (督查督办): everything the module contributes, in one place.</summary>
public sealed class SupervisionModule : IModule
{
    public const string Id = "supervision";
    public const string ViewPermission = "supervision.view";
    public const string ManagePermission = "supervision.manage";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<SupervisionDbContext>(context);
        services.AddScoped<SupervisionAccess>();
        services.AddScoped<TaskBoard>();
        services.AddScoped<TaskProof>();
        services.AddScoped<TaskImport>();
        services.AddScoped<PromptDesk>();
        services.AddScoped<LedgerBook>();
        services.AddScoped<ItemEvidence>();
        services.AddDashboardWidget<SupervisionWidget>();
        services.AddTodoProvider<SupervisionTodo>();
        services.AddDemoDataSeeder<SupervisionSeeder>();
        services.AddReportSection<SupervisionReportSection>();
        services.AddIndicatorSource<SupervisionIndicators>();
        services.AddScheduledJob<ProvedTasksJob>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("supervision-tasks", new LocalizedText("任务清单", "Task list"), "", ViewPermission, 10) { Covers = ["Tasks", "Higher"] },
        new("supervision-prompts", new LocalizedText("月提示", "Monthly prompts"), "Prompts", ViewPermission, 20),
        new("supervision-ledgers", new LocalizedText("整改台账", "Rectification ledgers"), "Ledgers", ViewPermission, 30),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看和办理督查督办任务", "See and work on supervision tasks"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理督查督办（全单位）", "Manage supervision (whole agency)"), [Roles.AgencyAdmin]),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api) => SupervisionApi.Map(api);
}
