using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.Integrity.Api;

namespace Modular.Modules.Integrity;

/// <summary>Anti-corruption education (廉政教育): everything the module contributes, in one place.</summary>
public sealed class IntegrityModule : IModule
{
    public const string Id = "integrity";
    public const string ViewPermission = "integrity.view";
    public const string ManagePermission = "integrity.manage";
    public const string TalksPermission = "integrity.talks";
    /// <summary>Setting: warning-education sessions a year (the work plans ask for 2–3).</summary>
    public const string WarningTargetSetting = "warningTarget";
    /// <summary>Setting: days before a festival its reminder goes out (for calendars made from the defaults).</summary>
    public const string ReminderDaysSetting = "reminderDays";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<IntegrityDbContext>(context);
        services.AddScoped<IntegrityAccess>();
        services.AddScoped<FestivalPlanner>();
        services.AddScoped<RiskRegister>();
        services.AddScoped<Evidence>();
        services.AddScoped<TalkLog>();
        services.AddScoped<KnowledgeTests>();
        services.AddDashboardWidget<IntegrityWidget>();
        services.AddTodoProvider<IntegrityTodo>();
        services.AddMenuItemCheck<TalksMenuCheck>();
        services.AddDemoDataSeeder<IntegritySeeder>();
        services.AddReportSection<IntegrityReportSection>();
        services.AddIndicatorSource<IntegrityIndicators>();
        services.AddScheduledJob<FestivalReminderJob>();
        services.AddSharedRecordSource<WarningRecordSource>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("integrity-home", new LocalizedText("工作概览", "Overview"), "", ViewPermission, 10),
        new("integrity-talks", new LocalizedText("廉政谈话", "Integrity talks"), "Talks", TalksPermission, 20),
        new("integrity-warning", new LocalizedText("警示教育", "Warning education"), "Warning", ViewPermission, 30),
        new("integrity-risks", new LocalizedText("廉政风险点", "Integrity risks"), "Risks", ViewPermission, 40),
        new("integrity-inspections", new LocalizedText("明察暗访与整改", "Inspections and rectification"), "Inspections", ViewPermission, 50) { Covers = ["Rectifications"] },
        new("integrity-festivals", new LocalizedText("节日廉洁提醒", "Festival reminders"), "Festivals", ViewPermission, 60),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("参加廉政教育", "Take part in anti-corruption education"), [Roles.AgencyAdmin, Roles.DisciplineInspection, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理廉政教育（全单位）", "Manage anti-corruption education (whole agency)"), [Roles.AgencyAdmin, Roles.DisciplineInspection]),
        new(TalksPermission, new LocalizedText("查看和记录廉政谈话", "See and record integrity talks"), [Roles.DisciplineInspection]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
    [
        new(WarningTargetSetting, new LocalizedText("每年警示教育次数目标", "Warning-education sessions a year (target)"), SettingKind.Integer, "2", Min: 1, Max: 12),
        new(ReminderDaysSetting, new LocalizedText("节前提前几天发送廉洁提醒", "Days before a festival to send the reminder"), SettingKind.Integer, "3", Min: 0, Max: 30,
            Help: new LocalizedText("用于新生成的年度节日日历；各节日的天数可在“节日廉洁提醒”页面单独调整。", "Used for a year's calendar when it is made; each festival's days can be changed on the festival page.")),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api) => IntegrityApi.Map(api);
}
