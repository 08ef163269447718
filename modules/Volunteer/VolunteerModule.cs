using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Modular.Modules.Volunteer.Api;

namespace Modular.Modules.Volunteer;

/// <summary>Volunteer service (志愿服务): everything the module contributes, in one place.</summary>
public sealed class VolunteerModule : IModule
{
    public const string Id = "volunteer";
    public const string ViewPermission = "volunteer.view";
    public const string ManagePermission = "volunteer.manage";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);
    /// <summary>A file of the module's wwwroot, served under its static path.</summary>
    public static string Asset(string file) => Links.Home + "/static/" + file;
    /// <summary>Setting: show rankings of people by hours (off by default: anti-formalism rules).</summary>
    public const string RankingsSetting = "rankings";
    /// <summary>Setting: minutes a check-in QR code stays valid.</summary>
    public const string QrMinutesSetting = "qrMinutes";

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<VolunteerDbContext>(context);
        services.AddScoped<VolunteerAccess>();
        services.AddScoped<Places>();
        services.AddSingleton<VolunteerMetrics>();
        services.AddScoped<Attendance>();
        services.AddScoped<ActivityEditor>();
        services.AddScoped<Statistics>();
        services.AddDashboardWidget<UpcomingActivitiesWidget>();
        services.AddTodoProvider<VolunteerTodo>();
        services.AddDemoDataSeeder<VolunteerSeeder>();
        services.AddSharedRecordSource<ActivityRecordSource>();
        services.AddSharedRecordSource<ThemeDayRecordSource>();
        services.AddReportSection<VolunteerReportSection>();
        services.AddIndicatorSource<VolunteerIndicators>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("volunteer-activities", new LocalizedText("志愿服务活动", "Volunteer activities"), "", ViewPermission, 10),
        new("volunteer-record", new LocalizedText("我的志愿服务", "My volunteer record"), "Record", ViewPermission, 20),
        new("volunteer-partners", new LocalizedText("结对共建", "Paired partners"), "Partners", ViewPermission, 30),
        new("volunteer-stats", new LocalizedText("志愿服务统计", "Volunteer statistics"), "Stats", ViewPermission, 40),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("参加志愿服务", "Take part in volunteer service"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理志愿服务（全单位）", "Manage volunteer service (whole agency)"), [Roles.AgencyAdmin]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
    [
        new(RankingsSetting, new LocalizedText("显示个人服务时长排行", "Show rankings of people by hours"), SettingKind.Boolean, "false",
            new LocalizedText("默认关闭：按照整治形式主义为基层减负的要求，排名不用于评价党员。", "Off by default: under the anti-formalism rules rankings are not used to judge people.")),
        new(QrMinutesSetting, new LocalizedText("签到二维码有效时间（分钟）", "Check-in QR code valid for (minutes)"), SettingKind.Integer, "3", Min: 1, Max: 30),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api) => VolunteerApi.Map(api);
}
