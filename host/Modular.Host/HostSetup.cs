using Modular.Host.Oversight;
using System.Globalization;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Modular.Host.Api;
using Modular.Host.Auditing;
using Modular.Host.Backups;
using Modular.Host.Data;
using Modular.Host.Feeds;
using Modular.Host.Files;
using Modular.Host.Jobs;
using Modular.Host.Localization;
using Modular.Host.Notifications;
using Modular.Host.Oidc;
using Modular.Host.Operations;
using Modular.Host.PartyDirectory;
using Modular.Host.Plugins;
using Modular.Host.Reports;
using Modular.Host.Security;
using Modular.Host.Shell;
using Modular.Host.Tenancy;
using Modular.Plugins;

namespace Modular.Host;

public static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>
    /// Registers the host's services and every plugin's (one container for all agencies), one subsystem at a time.
    /// Upgrades and uninstalls staged from the Modules page are applied first, before any plugin loads.
    /// </summary>
    public static async Task<PluginCatalog> AddModularHostAsync(this WebApplicationBuilder builder, CancellationToken ct = default)
    {
        var timings = new StartupTimings();
        builder.Host.UseServiceProviderFactory(new LazyConstructorsFactory(new AutofacServiceProviderFactory()));
        var services = builder.Services;
        services.AddSingleton(timings);
        var (options, database) = builder.AddPortalData();
        builder.AddOperations(database);
        builder.AddBackups(database);
        builder.AddTelemetry(options);
        timings.Mark("host services (data, operations, backups, telemetry)");
        var plugins = await PluginStartup.PrepareAsync(builder, options, database, ct);
        timings.Mark("plugins found and staged changes applied");
        services.AddAuditing();
        builder.AddPartyDirectory();
        services.AddPortalNotifications();
        services.AddFeedLinks();
        builder.AddFileStore();
        builder.AddTenancy();
        services.AddScheduledJobs();
        services.AddShell();
        services.AddReports();
        services.AddOversight();
        services.AddApiErrors();
        services.AddPortalOpenApi();
        services.AddPortalLocalization();
        builder.AddPortalSecurity();
        builder.AddModularOidc();
        timings.Mark("host subsystems registered");
        var catalog = services.AddPlugins(plugins);
        services.AddPortalPages(catalog);
        timings.Mark("plugins loaded and registered, pages");
        return catalog;
    }

    /// <summary>A path on this site ("/x"), never "//host" or "/\\host", which browsers read as another site.</summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    /// <summary>Creates or migrates the database, migrates each plugin in dependency order, seeds, and gives MVC the running plugins.</summary>
    public static async Task InitializeModularHostAsync(this WebApplication app, PluginCatalog catalog)
    {
        var timings = app.Services.GetRequiredService<StartupTimings>();
        timings.Mark("container built");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host");
        foreach (var warning in app.Services.GetRequiredService<SecurityBaselineWarnings>().Warnings)
            logger.LogWarning("{Warning}", warning);
        await app.MigrateDatabaseAsync();
        await app.InitializeBackupsAsync(logger);
        timings.Mark("backups");
        await app.EnsureOidcKeysAsync();
        timings.Mark("OpenID Connect keys");
        await app.SeedAsync(logger);
        timings.Mark("administrators or demo data");
        await app.ReportPluginStartAsync(catalog, logger);
        app.Services.GetRequiredService<ApplicationPartManager>().AddPluginApplicationParts(catalog);
        timings.Mark("plugins started, application parts");
    }

    public static void UseModularHost(this WebApplication app, PluginCatalog catalog)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host");
        var timings = app.Services.GetRequiredService<StartupTimings>();
        var startupLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host.Startup");
        // The phases are logged when the first request has been answered (what "start-up to the first page" measures).
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!timings.Logged) timings.LogOnce(startupLogger, "first request " + context.Request.Path);
        });
        app.UseMiddleware<TraceIdHeaderMiddleware>();
        app.UseRequestCost();
        app.UseLivePluginScope();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            if (app.Configuration.GetValue("Oidc:RequireHttps", true)) app.UseHsts();
        }
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseOperations();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseApiErrors();
        // Inside both error handlers, so neither sees a busy database: the one place that answers it (503, Retry-After).
        app.UseMiddleware<Data.DatabaseBusyMiddleware>();
        app.UseRequestSizeLimit();
        app.UseStaticFiles();
        app.UseAllPluginStaticFiles(catalog);
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<CrossSiteRequestMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<FeedLinkMiddleware>();
        app.UseMiddleware<PasswordChangeMiddleware>();
        app.UseMiddleware<ApplicationCallerMiddleware>();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseAuthorization();

        // The cheapest endpoint of the full pipeline: a liveness probe and the benchmarks' ceiling.
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapRazorPages();
        app.MapOidcEndpoints();
        app.MapPortalOpenApi();
        app.MapAllPluginEndpoints(catalog, logger);

        timings.Mark("pipeline and endpoints");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            timings.Mark("server started");
            StartupBanner.Print(app);
        });
    }
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
}

public static class Policies
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string OversightCommittee = "OversightCommittee";
    public const string ModuleApi = "ModuleApi";
}

public static class AuthSchemes
{
    public const string CookieOrBearer = "CookieOrBearer";
}
