using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.OrgLife.Api;

namespace Modular.Modules.OrgLife;

/// <summary>组织生活: everything the module contributes, registered in one place.</summary>
public sealed class OrgLifeModule : IModule
{
    public const string Id = "org-life";
    public const string ViewPermission = "org-life.view";
    public const string RecordPermission = "org-life.record";
    public const string TalksMenuItem = "org-life-talks";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<OrgLifeDbContext>(context);
        services.AddScoped<Roster>();
        services.AddScoped<OrgLifeAccess>();
        services.AddScoped<OrgLifeSettings>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<MeetingRecorder>();
        services.AddScoped<MeetingNotices>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<CountedThemeDays>();
        services.AddScoped<DueMeetings>();
        services.AddScoped<MeetingCalendar>();
        services.AddScoped<MeetingAttachments>();
        services.AddScoped<BranchYearBook>();
        services.AddDashboardWidget<OrgLifeWidget>();
        services.AddTodoProvider<OrgLifeTodo>();
        services.AddMenuItemCheck<TalksMenuCheck>();
        services.AddDemoDataSeeder<OrgLifeSeeder>();
        services.AddSharedRecordSource<MeetingRecordSource>();
        services.AddReportSection<OrgLifeReportSection>();
        services.AddIndicatorSource<OrgLifeIndicators>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("org-life-home", new LocalizedText("我的组织生活", "My organisational life"), "", ViewPermission, 10),
        new("org-life-meetings", new LocalizedText("会议记录", "Meetings"), "Meetings", ViewPermission, 20),
        new("org-life-compliance", new LocalizedText("落实情况", "Compliance"), "Compliance", RecordPermission, 30),
        new("org-life-appraisals", new LocalizedText("民主评议", "Democratic appraisal"), "Appraisals", ViewPermission, 40),
        new(TalksMenuItem, new LocalizedText("谈心谈话", "Heart-to-heart talks"), "Talks", RecordPermission, 50),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看组织生活", "View organisational life"), [Roles.AgencyAdmin, Roles.Member]),
        // Held by every member; what it covers follows the directory: the Party office all branches,
        // secretaries and committee members their own branch, others nothing.
        new(RecordPermission, new LocalizedText("计划和记录本支部组织生活", "Plan and record a branch's organisational life"), [Roles.AgencyAdmin, Roles.Member]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() => OrgLifeSettings.Definitions();

    public void MapEndpoints(IEndpointRouteBuilder api) => OrgLifeApi.Map(api);
}
