using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Plugins.Packages;

namespace Modular.Host.Plugins;

/// <summary>
/// The plugins folder made ready before the container is built: the runtime's services (built by hand, registered as the
/// same instances), the allow-list of this start, and the staged upgrades and uninstalls applied (on a shared database,
/// also what other instances installed or staged).
/// </summary>
public sealed record PluginStartup(PluginRuntime Runtime, SharedPackages Shared, PluginTrust Trust, StartOutcomes Outcomes)
{
    /// <summary>Applies what is staged, before any plugin loads: an async step of its own, ahead of the registrations.</summary>
    public static async Task<PluginStartup> PrepareAsync(WebApplicationBuilder builder, ModularOptions options, DatabaseSettings database, CancellationToken ct = default)
    {
        var pluginsPath = options.ResolvePluginsPath(builder.Environment.ContentRootPath);
        var packages = builder.Configuration.GetSection("Plugins").Get<PluginPackageOptions>() ?? new PluginPackageOptions();
        // Installing a plugin is trusting its code: outside Development only allow-listed publishers' signed plugins run,
        // unless the setting turns that off explicitly (warned at every start).
        packages.RequireSignature = bool.TryParse(builder.Configuration["Plugins:RequireSignature"], out var requireSignature)
            ? requireSignature : !builder.Environment.IsDevelopment();
        // Stamps at start come from the real clock: a test's clock is registered later, into the container.
        var time = TimeProvider.System;
        var locks = new DatabaseLocks(database);
        var runtime = new PluginRuntime(pluginsPath, packages, new HostPluginDatabase(database, locks), new HostPublisherStore(database),
            [typeof(PluginStartup).Assembly], time);
        var shared = new SharedPackages(new HostPackageStore(database, locks, options.InstanceName), runtime.Packages, runtime.Staged, time);
        // The host's tables are brought up to date first (the packages table must exist before the plugins load); then the
        // allow-list of this start (settings and the security administrator's list), before any plugin code loads.
        await using (var db = HostContexts.Open(database)) await db.Database.MigrateIfPendingAsync(ct);
        var trust = await runtime.Trust.CurrentAsync(ct);
        StartOutcomes outcomes;
        if (shared.Enabled)
        {
            // Several instances: the database says which packages this instance must have, and what is staged.
            var (applied, refused) = await shared.ApplyAtStartAsync(trust, ct);
            outcomes = new StartOutcomes(applied, refused);
        }
        else outcomes = new StartOutcomes(await runtime.Staged.ApplyAtStartAsync(trust, ct));
        return new PluginStartup(runtime, shared, trust, outcomes);
    }
}

public static class PluginSetup
{
    /// <summary>Loads the plugins of the folder into the same collection (one container for all agencies), and the runtime that installs more.</summary>
    public static PluginCatalog AddPlugins(this IServiceCollection services, PluginStartup start)
    {
        start.Runtime.Register(services);
        services.AddSingleton(start.Shared);
        services.AddSingleton(start.Outcomes);
        var catalog = start.Runtime.Loader.Load(start.Runtime.PluginsPath, services, start.Trust);
        services.AddSingleton(catalog);
        services.AddSingleton<PluginActionChanges>();
        services.AddSingleton<IActionDescriptorChangeProvider>(sp => sp.GetRequiredService<PluginActionChanges>());
        services.AddSingleton<LiveEndpointSource>();
        services.AddSingleton<LivePlugins>();
        services.AddSingleton<ILivePluginHost>(sp => sp.GetRequiredService<LivePlugins>());
        services.AddSingleton<IPluginActivator, LiveActivation>();
        // The list of publishers is changed through request scopes' contexts, so that the audit records the rows too.
        services.AddSingleton<IPublisherStore>(sp => new HostPublisherStore(sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IPackageStore>(sp => new HostPackageStore(sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<DatabaseLocks>(),
            sp.GetRequiredService<ModularOptions>().InstanceName));
        services.AddScoped<IPackageSession>(sp => new HostPackageSession(sp.GetRequiredService<HostDbContext>(), sp.GetRequiredService<DatabaseLocks>()));
        services.AddSingleton<IPluginAudit, HostPluginAudit>();
        services.AddScoped<PluginInstaller>();
        services.AddScoped<PublisherAllowList>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PackageWatcher>(sp, sp.GetRequiredService<ModularOptions>().SignalSeconds));
        services.AddHostedService(sp => sp.GetRequiredService<PackageWatcher>());
        return catalog;
    }

    /// <summary>Logs and audits what loaded and what did not (and what became of staged packages), and records this instance's state of shared packages.</summary>
    public static async Task ReportPluginStartAsync(this WebApplication app, PluginCatalog catalog, ILogger logger)
    {
        if (!app.Services.GetRequiredService<PluginPackageOptions>().RequireSignature && !app.Environment.IsDevelopment())
            logger.LogWarning("Plugins:RequireSignature is off outside Development: unsigned plugins and plugins of any publisher are loaded and run with the host's rights.");
        var failures = new List<AuditRecord>();
        foreach (var p in catalog.All)
        {
            if (p.IsRunning) logger.LogInformation("Plugin {Id} {Version} loaded", p.Id, p.Manifest!.Version);
            else
            {
                logger.LogWarning("Plugin in {Folder} not loaded: {Reason}", p.FolderName, p.FailureReason);
                failures.Add(new AuditRecord("plugin.failed", "Plugin:" + p.FolderName, p.FailureReason, false, null, "system", null, null));
            }
        }
        var startOutcomes = app.Services.GetRequiredService<StartOutcomes>();
        failures.AddRange(ToAudit(startOutcomes));
        var shared = app.Services.GetRequiredService<SharedPackages>();
        if (shared.Enabled)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await shared.RecordStartAsync(scope.ServiceProvider.GetRequiredService<IPackageSession>(), catalog, startOutcomes.Refused);
        }
        await app.Services.GetRequiredService<AuditWriter>().AppendAsync(failures);
    }

    /// <summary>The start's staged changes and refused shared packages, as audit events.</summary>
    private static IEnumerable<AuditRecord> ToAudit(StartOutcomes outcomes) => outcomes.Applied.Select(o => new AuditRecord(
        (o.Follows ? "plugin.instance." : "plugin.") + (o.Action == StagedChange.Upgrade ? (o.Success ? "upgraded" : "upgrade.failed") : (o.Success ? "uninstalled" : "uninstall.failed")),
        "Plugin:" + o.Id, $"{o.Version}: {o.Message}", o.Success, null, "system", null, null))
        .Concat(outcomes.Refused.Select(r => new AuditRecord("plugin.instance.refused", "Plugin:" + r.Key, r.Value.Reason, false, null, "system", null, null)));

    /// <summary>
    /// A request's services (<see cref="RequestServices"/>: singletons from a table): once a plugin was installed while running,
    /// from its scope (host, earlier and new plugins).
    /// </summary>
    public static void UseLivePluginScope(this WebApplication app)
    {
        var live = app.Services.GetRequiredService<LivePlugins>();
        app.Use(async (http, next) =>
        {
            var previous = http.RequestServices;
            if (live.Scope is not { } pluginScope)
            {
                if (previous is AutofacServiceProvider autofac) http.RequestServices = RequestServices.Over(autofac);
                try { await next(http); }
                finally { http.RequestServices = previous; }
                return;
            }
            await using var requestScope = pluginScope.BeginLifetimeScope();
            http.RequestServices = RequestServices.Over(new AutofacServiceProvider(requestScope));
            try { await next(http); }
            finally { http.RequestServices = previous; }
        });
    }

    /// <summary>The running plugins' static files (those at start, then those installed live).</summary>
    public static void UseAllPluginStaticFiles(this WebApplication app, PluginCatalog catalog)
    {
        app.UsePluginStaticFiles(catalog);
        var live = app.Services.GetRequiredService<LivePlugins>();
        app.Use(async (http, next) =>
        {
            if (!await live.TryServeStaticAsync(http)) await next(http);
        });
    }

    /// <summary>The running plugins' APIs (those at start, then those installed live).</summary>
    public static void MapAllPluginEndpoints(this WebApplication app, PluginCatalog catalog, ILogger logger)
    {
        app.MapPluginEndpoints(catalog, logger);
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<LiveEndpointSource>());
    }
}
