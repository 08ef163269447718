using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Tasks;

public sealed class TasksModule : IModule
{
    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }

    public IEnumerable<MenuItem> GetMenuItems() => [new("tasks-home", new LocalizedText("任务首页", "Tasks"), "")];

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/private-dependency", () => typeof(CsvHelper.CsvReader).Assembly.GetName().Version!.ToString());
    }
}
