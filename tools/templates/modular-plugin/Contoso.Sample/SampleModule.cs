using Contoso.Sample.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Contoso.Sample;

/// <summary>The plugin's one entry point: services, menu, permissions and API. The portal finds it by the IModule interface.</summary>
public sealed class SampleModule : IModule
{
    public const string Id = "sample-plugin";
    public const string ViewPermission = Id + ".view";
    public const string EditPermission = Id + ".edit";

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<SampleDbContext>(context);
        services.AddDashboardWidget<SampleWidget>();
        services.AddTodoProvider<SampleTodo>();
        services.AddDemoDataSeeder<SampleSeeder>();
    }

    public IEnumerable<MenuItem> GetMenuItems() =>
        [new($"{Id}-home", new LocalizedText("示例记录", "Sample records"), "", ViewPermission, 50)];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ViewPermission, new LocalizedText("查看记录", "View records"), [Roles.AgencyAdmin, Roles.Member]),
        new(EditPermission, new LocalizedText("登记记录", "Add records"), [Roles.AgencyAdmin]),
    ];

    /// <summary>Per agency, edited by the agency's administrator on the portal's module settings page.</summary>
    public IEnumerable<ModuleSettingDefinition> GetSettings() =>
        [new(PageSizeSetting, new LocalizedText("每页条数", "Rows per page"), SettingKind.Integer, "20", Min: 5, Max: 100)];

    public const string PageSizeSetting = "pageSize";

    /// <summary>Under /m/sample-plugin/api, signed in, only where the agency turned the module on.</summary>
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/records", async ([FromServices] SampleDbContext db, CancellationToken ct) =>
                Microsoft.AspNetCore.Http.Results.Ok(await db.Records.AsNoTracking().OrderByDescending(r => r.Id).Take(100).Select(r => new { r.Id, r.Title }).ToListAsync(ct)))
            .RequirePermission(ViewPermission);
    }
}
