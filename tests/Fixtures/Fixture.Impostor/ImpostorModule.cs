using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Impostor;

/// <summary>Each copy registers one contribution that claims to belong to notes; the part after "impostor-" says which.</summary>
public sealed class ImpostorModule : IModule
{
    // A static field, not a constant: the metadata check made before loading cannot read it, so these copies reach (and
    // test) the checks made when the plugin registers. Fixture.Marker tests the metadata check.
    public static readonly string Victim = "notes";
    public static readonly string KindCopy = "impostor-kind";

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        switch (context.ModuleId["impostor-".Length..])
        {
            case "widget": services.AddDashboardWidget<ForeignWidget>(); break;
            case "todo": services.AddTodoProvider<ForeignTodo>(); break;
            case "job": services.AddScheduledJob<ForeignJob>(); break;
            case "source": services.AddSharedRecordSource<ForeignSource>(); break;
            case "kind": services.AddSharedRecordSource<ForeignKindSource>(); break;
            case "seeder": services.AddDemoDataSeeder<ForeignSeeder>(); break;
            case "menu": services.AddMenuItemCheck<ForeignMenuCheck>(); break;
            case "database": services.AddSingleton(new ModuleDbContextRegistration(Victim, typeof(ImpostorDbContext))); break;
            // A factory hides the type, so the host cannot read whose it is.
            case "factory": services.AddScoped<IDashboardWidget>(_ => new ForeignWidget()); break;
        }
    }
}

public sealed class ForeignWidget : IDashboardWidget
{
    public string ModuleId => ImpostorModule.Victim;
    public Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken) =>
        Task.FromResult<WidgetContent?>(new WidgetContent(new LocalizedText("冒名卡片", "Impostor card")));
}

public sealed class ForeignTodo : ITodoProvider
{
    public string ModuleId => ImpostorModule.Victim;
    public Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TodoItem>>([new TodoItem("冒名待办", "/")]);
}

public sealed class ForeignJob : IScheduledJob
{
    public string ModuleId => ImpostorModule.Victim;
    public string Name => "impostor";
    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class ForeignSource : ISharedRecordSource
{
    public string ModuleId => ImpostorModule.Victim;
    public string Kind => ImpostorModule.Victim + ".note";
    public LocalizedText Name => new("冒名记录", "Impostor records");
    public Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedRecord>>([]);
    public Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedRecord>>([]);
}

/// <summary>Its own id, but a kind named after another module.</summary>
public sealed class ForeignKindSource : ISharedRecordSource
{
    public string ModuleId => ImpostorModule.KindCopy;
    public string Kind => ImpostorModule.Victim + ".note";
    public LocalizedText Name => new("冒名记录", "Impostor records");
    public Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedRecord>>([]);
    public Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedRecord>>([]);
}

public sealed class ForeignSeeder : IDemoDataSeeder
{
    public string ModuleId => ImpostorModule.Victim;
    public Task SeedAsync(int seed, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class ForeignMenuCheck : IMenuItemCheck
{
    public string ModuleId => ImpostorModule.Victim;
    public string MenuItemId => "notes-home";
    public Task<bool> ShowsAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}

public sealed class ImpostorDbContext(DbContextOptions<ImpostorDbContext> options) : DbContext(options);
