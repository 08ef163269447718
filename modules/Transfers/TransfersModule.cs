using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Transfers;

/// <summary>Transfers and mobile members (组织关系转接与流动党员): everything the module contributes, in one place.</summary>
public sealed class TransfersModule : IModule
{
    public const string Id = "transfers";
    /// <summary>See one's own transfer; secretaries and committee members also the transfers of their branches.</summary>
    public const string ViewPermission = "transfers.view";
    /// <summary>The Party office: starts transfers, decides on those from other agencies, issues letters, keeps the mobile members' registry.</summary>
    public const string ManagePermission = "transfers.manage";
    /// <summary>Setting: how many months a letter or a transfer stays valid (3 by default).</summary>
    public const string ValiditySetting = "validity-months";
    public static readonly ModuleLinks Links = new(Id);

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<TransfersDbContext>(context);
        services.AddScoped<TransfersAccess>();
        services.AddScoped<DuesLookup>();
        services.AddScoped<LetterService>();
        services.AddScoped<MobileRegistry>();
        services.AddTodoProvider<TransfersTodo>();
        services.AddDashboardWidget<TransfersWidget>();
        services.AddDemoDataSeeder<TransfersSeeder>();
        services.AddMenuItemCheck<CommitteeSeesTransfers>();
        services.AddMenuItemCheck<MemberSeesOwnTransfer>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("transfers-index", new LocalizedText("组织关系转接", "Transfers"), "", ManagePermission, 10) { Covers = ["Start", "Details", "Arrivals"] },
        new("transfers-letters", new LocalizedText("介绍信与口袋党员", "Letters and pocket members"), "Letters", ManagePermission, 20) { Covers = ["Pocket"] },
        new("transfers-mobile", new LocalizedText("流动党员", "Mobile members"), "Mobile", ManagePermission, 30),
        new("transfers-mine", new LocalizedText("我的组织关系转接", "My transfer"), "Mine", ViewPermission, 40),
    ];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看本人（及所在支部）的组织关系转接", "See one's own (and one's branch's) transfers"), [Roles.AgencyAdmin, Roles.Member]),
        new(ManagePermission, new LocalizedText("办理组织关系转接、介绍信和流动党员（全单位）", "Handle transfers, letters and mobile members (whole agency)"), [Roles.AgencyAdmin]),
    ];

    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
    [
        new(ValiditySetting, new LocalizedText("介绍信和转接的有效期（月）", "Validity of letters and transfers (months)"), SettingKind.Integer,
            Validity.DefaultMonths.ToString(), new LocalizedText("超过有效期未接收的转接进入双方待办；超过有效期未回执的介绍信列为口袋党员。",
                "A transfer not accepted within it goes to both offices' to-dos; a letter without a slip after it is listed as a pocket member."),
            Min: Validity.MinMonths, Max: Validity.MaxMonths),
    ];
}
