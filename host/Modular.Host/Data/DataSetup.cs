using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Data;

public static class DataSetup
{
    /// <summary>The "Modular" settings and the shared database: the host's context (audited) and the one modules configure theirs with.</summary>
    public static (ModularOptions Options, DatabaseSettings Database) AddPortalData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Modular").Get<ModularOptions>() ?? new ModularOptions();
        var database = options.ResolveDatabase(builder.Environment.ContentRootPath);
        services.AddSingleton(options);
        services.AddSingleton(database);
        services.AddSingleton<DatabaseLocks>();
        services.AddSingleton<TimeStampInterceptor>();
        services.AddSingleton<Operations.RequestCostMeter>();
        services.AddSingleton<Operations.QueryCountInterceptor>();
        services.AddSingleton<AgencyChangeInterceptor>();
        services.AddSingleton<StampReader>();
        services.AddScoped<AgencyStamps>();
        services.AddSingleton<AgencyCacheFlights>();
        services.AddScoped<IAgencyCache, AgencyCache>();
        // Stamps first, so that the audit records them; the agency's change stamp last, as it may commit the save.
        services.AddDbContext<HostDbContext>((sp, o) => database.Apply(o)
            .AddInterceptors(sp.GetRequiredService<TimeStampInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<AuditTransactionInterceptor>(),
                sp.GetRequiredService<Operations.QueryCountInterceptor>(), sp.GetRequiredService<AgencyChangeInterceptor>()),
            // Built once: every interceptor is a singleton, and building options per request showed in the profile.
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ModuleDemoData>();
        return (options, database);
    }

    /// <summary>The host's tables, the audit chain's key and head, the directory's tables, then each plugin's (dependency order).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var timings = app.Services.GetRequiredService<StartupTimings>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await db.Database.MigrateIfPendingAsync();
        // WAL lets readers go on while one writer writes; the setting stays with the file.
        if (!scope.ServiceProvider.GetRequiredService<DatabaseSettings>().IsPostgreSql)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        timings.Mark("host migrations");
        // The audit chain's key and head exist before anything is audited (generated at first start).
        await app.Services.GetRequiredService<AuditWriter>().StartAsync();
        timings.Mark("audit chain");
        await scope.ServiceProvider.GetRequiredService<PartyDirectory.DirectoryDbContext>().Database.MigrateIfPendingAsync();
        timings.Mark("directory migrations");
        await app.Services.GetRequiredService<PluginMigrator>().MigrateAsync(app.Services.GetRequiredService<PluginCatalog>(), scope.ServiceProvider,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PluginMigrator>());
        timings.Mark("plugin migrations");
    }

    /// <summary>The demo data (Development) or just the administrators' accounts; warns about memberships that give no rights.</summary>
    public static async Task SeedAsync(this WebApplication app, ILogger logger)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (app.Services.GetRequiredService<ModularOptions>().SeedDemoData) await seeder.SeedAsync();
        else await seeder.EnsureAdministratorsAsync();
        // Memberships of platform administrators made before the rule: not honoured, but an operator should remove them.
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var stale = await db.AgencyMemberships.CountAsync(m => db.PlatformRoleHolders().Contains(m.UserId));
        if (stale > 0)
            logger.LogWarning("{Count} agency membership(s) of accounts holding a platform administrator role give no rights; remove them on Platform → agencies → accounts (marked 不生效)", stale);
    }
}
