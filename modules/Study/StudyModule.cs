using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.Study.Api;

namespace Modular.Modules.Study;

/// <summary>Study (理论学习): everything the module contributes, in one place.</summary>
public sealed class StudyModule : IModule
{
    public const string Id = "study";
    public const string ViewPermission = "study.view";
    public const string ManagePermission = "study.manage";
    /// <summary>A branch's own plan and sessions, for those whose data scope holds the branch (secretaries, committee members).</summary>
    public const string KeepPermission = "study.keep";
    /// <summary>Setting (off by default, anti-formalism): the office's result list may be sorted by score with places.</summary>
    public const string RankingSetting = "ranking";
    /// <summary>Setting (off by default, anti-formalism): a taker sees their score as points, not only passed or not.</summary>
    public const string ShowScoreSetting = "showScore";
    /// <summary>Links to the module's pages and API from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<StudyDbContext>(context);
        services.AddScoped<StudyAccess>();
        services.AddScoped<QuestionBank>();
        services.AddScoped<TestBuilder>();
        services.AddScoped<TestTaking>();
        services.AddScoped<TestResults>();
        services.AddScoped<StudyPlans>();
        services.AddScoped<SessionMaterials>();
        services.AddScoped<MyOpenTests>();
        services.AddDashboardWidget<StudyWidget>();
        services.AddTodoProvider<StudyTodo>();
        services.AddDemoDataSeeder<StudySeeder>();
        services.AddScheduledJob<AutoSubmitJob>();
        services.AddSharedRecordSource<StudyTestSource>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("study-mine", new LocalizedText("我的测试", "My tests"), "", ViewPermission, 10) { Covers = ["Take", "Result"] },
        new("study-plans", new LocalizedText("学习计划", "Study plans"), "Plans", ViewPermission, 20) { Covers = ["Sessions"] },
        new("study-tests", new LocalizedText("测试管理", "Tests"), "Tests", ManagePermission, 30),
        new("study-bank", new LocalizedText("题库", "Question bank"), "Questions", ManagePermission, 40),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("参加理论学习和测试", "Take part in study and tests"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理学习计划、题库和测试（全单位）", "Manage study plans, the question bank and tests (whole agency)"), [Roles.AgencyAdmin]),
        new(KeepPermission, new LocalizedText("制定和记录本支部的学习计划和学习记录", "Keep one's own branch's study plan and sessions"), [Roles.AgencyAdmin, Roles.Member]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
    [
        new(ShowScoreSetting, new LocalizedText("向答题人显示分数", "Show takers their score"), SettingKind.Boolean, "false",
            Help: new LocalizedText("默认只显示是否合格和答对题数，不以分数评价人。", "By default a taker sees passed or not and the questions right, not points.")),
        new(RankingSetting, new LocalizedText("测试结果按分数排名", "Rank test results by score"), SettingKind.Boolean, "false",
            Help: new LocalizedText("默认不排名次。", "No ranking by default.")),
    ];

    public void MapEndpoints(IEndpointRouteBuilder api) => StudyApi.Map(api);
}
