using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Dues;

/// <summary>Membership dues (党费管理): everything the module contributes, in one place.</summary>
public sealed class DuesModule : IModule
{
    public const string Id = "dues";
    /// <summary>See one's own base, amount, payments and receipts, and the published collection and use.</summary>
    public const string ViewPermission = "dues.view";
    /// <summary>Record payments for the branches one is named collector of (the office names them).</summary>
    public const string CollectPermission = "dues.collect";
    /// <summary>The Party office: bases, hardship, collectors, money handed up and kept, publication, reports.</summary>
    public const string ManagePermission = "dues.manage";
    /// <summary>Links to the module's pages from code without a page context.</summary>
    public static readonly ModuleLinks Links = new(Id);

    public static string MemberUrl(int memberId) => Links.Page($"/Members/Details/{memberId}");
    public static string ReceiptUrl(int paymentId) => Links.Page($"/Receipts/{paymentId}");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<DuesDbContext>(context);
        services.AddScoped<DuesAccess>();
        services.AddScoped<DuesLedger>();
        services.AddScoped<PaymentRecorder>();
        services.AddScoped<BaseImport>();
        services.AddScoped<StatementImport>();
        services.AddScoped<DuesFigures>();
        services.AddScoped<HardshipAttachments>();
        services.AddDashboardWidget<DuesWidget>();
        services.AddTodoProvider<DuesTodo>();
        services.AddReportSection<DuesReportSection>();
        services.AddIndicatorSource<DuesIndicators>();
        services.AddSharedRecordSource<PaidThroughSource>();
        services.AddDemoDataSeeder<DuesSeeder>();
        services.AddMemberMovedHandler<DuesMover>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("dues-mine", new LocalizedText("我的党费", "My dues"), "Mine", ViewPermission, 10),
        new("dues-members", new LocalizedText("党费收缴", "Dues collection"), "", CollectPermission, 20),
        new("dues-publication", new LocalizedText("党费收缴使用公布", "Dues published"), "Publication", ViewPermission, 30),
        new("dues-reports", new LocalizedText("党费统计", "Dues figures"), "Reports", ManagePermission, 40),
        new("dues-uses", new LocalizedText("党费上缴和使用", "Dues handed up and used"), "Uses", ManagePermission, 50),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看本人党费和党费公布", "See one's own dues and the publication"), [Roles.AgencyAdmin, Roles.Member]),
        new(CollectPermission, new LocalizedText("收缴本支部党费（由党办指定的收缴员）", "Collect the branch's dues (collectors named by the office)"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("管理党费（全单位）", "Manage dues (whole agency)"), [Roles.AgencyAdmin]),
    ];
}
