using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Host.Data;

// `dotnet ef` builds this host to create the host's DbContext for SQLite; module contexts come
// from the factories in ModuleContextFactories.cs.
// Usage: dotnet ef migrations add <Name> --project <project> --startup-project tools/Modular.DesignTime --context <Context>
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDbContext<HostDbContext>(o => o.UseSqlite(DesignTime.Connection));
builder.Build().Run();

static class DesignTime
{
    public const string Connection = "Data Source=design-time.db";
}
