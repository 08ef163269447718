using Fixture.Shelf.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Shelf;

public sealed class ShelfModule : IModule
{
    public const string Id = "shelf";
#if SHELF_V2 || SHELF_V2BAD
    public const string Version = "2.0.0";
#else
    public const string Version = "1.0.0";
#endif

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<ShelfDbContext>(context);
        services.AddDashboardWidget<ShelfWidget>();
        services.AddScheduledJob<ShelfCountJob>();
    }

    public IEnumerable<MenuItem> GetMenuItems() => [new("shelf-home", new LocalizedText("资料架", "Shelf"), "", "shelf.view", 50)];

    public IEnumerable<PermissionDefinition> GetPermissions() =>
        [new("shelf.view", new LocalizedText("查看资料架", "View the shelf"), [Roles.AgencyAdmin, Roles.Member])];

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/items", async ([FromServices] ShelfDbContext db) =>
            new { version = Version, items = await db.Items.OrderBy(i => i.Id).Select(i => i.Title).ToListAsync() });
        api.MapPost("/items", async ([FromBody] ItemInput input, [FromServices] ShelfDbContext db) =>
        {
            db.Items.Add(new ShelfItem { Title = input.Title });
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).DisableAntiforgery();
    }

    public sealed record ItemInput(string Title);
}

public sealed class ShelfWidget(ShelfDbContext db) : IDashboardWidget
{
    public string ModuleId => ShelfModule.Id;
    public int Order => 50;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken) =>
        new(new LocalizedText("资料架", "Shelf"), "/m/shelf")
        {
            Metrics = [new(new LocalizedText("资料（版本 " + ShelfModule.Version + "）", "Items"), (await db.Items.CountAsync(cancellationToken)).ToString())],
        };
}

/// <summary>Proves that a plugin installed while the portal runs has its jobs run too: one audit line per run and agency.</summary>
public sealed class ShelfCountJob(ShelfDbContext db, IAuditLog audit) : IScheduledJob
{
    public string ModuleId => ShelfModule.Id;
    public string Name => "count";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await audit.WriteAsync("shelf.counted", "Shelf", (await db.Items.CountAsync(cancellationToken)).ToString(), cancellationToken: cancellationToken);
}
