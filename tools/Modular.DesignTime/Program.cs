using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Host.Data;

// `dotnet ef` builds this host to create the host's DbContext; module contexts come from the factories in
// DesignTimeContexts.cs. SQLite by default; add `-- --provider postgresql` for the PostgreSQL set.
// Usage: dotnet ef migrations add <Name> --project <project> --startup-project tools/Modular.DesignTime
//          --context <Context> --output-dir <Migrations folder>/Sqlite|PostgreSql [-- --provider postgresql]
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDbContext<HostDbContext>(o => DesignTime.Database(args).Apply(o));
builder.Build().Run();

static class DesignTime
{
    /// <summary>No database is opened while scaffolding; the provider decides the SQL and the migrations folder.</summary>
    public static DatabaseSettings Database(string[] args)
    {
        var i = Array.FindIndex(args, a => a is "--provider" or "-p");
        var postgres = i >= 0 && i + 1 < args.Length && args[i + 1].StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        return postgres
            ? new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=modular_design_time")
            : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db");
    }
}
