using Fixture.BadMigration.Data;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.BadMigration;

public sealed class BadMigrationModule : IModule
{
    public void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.AddModuleDbContext<BadDbContext>(context);

    public IEnumerable<MenuItem> GetMenuItems() => [new("bad-home", new LocalizedText("迁移失败", "Bad"), "")];
}
