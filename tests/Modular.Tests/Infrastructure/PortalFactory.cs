using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// The real host over a real database of its own (a SQLite file in its folder, or a PostgreSQL database: see TestDatabase), with the chosen fixture plugins (or first-party modules) copied into
/// its own plugins folder. Seeds the demo platform (admin, one agency, office and member accounts).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public string WorkDir { get; }
    public string PluginsDir => Path.Combine(WorkDir, "plugins");
    /// <summary>Another factory's folder whose database this one shares (a second instance with a plugins folder of its own).</summary>
    public string? DatabaseDir { get; init; }
    public string ConnectionString => TestDatabase.ConnectionString(DatabaseDir ?? WorkDir);
    /// <summary>Everything registered in the container, captured after the host and plugins registered.</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];
    /// <summary>The server's recent warnings and errors, for failure messages.</summary>
    public ServerLog Log { get; } = new();
    /// <summary>The host's <see cref="TimeProvider"/>: from a fixed day on (<see cref="TestClock.Start"/>), moved by tests that need another.</summary>
    public TestClock Clock { get; init; } = new();
    /// <summary>The portal's agency clock (its time zone over <see cref="Clock"/>): what "today" is for the pages under test.</summary>
    public IAgencyClock AgencyClock => Services.GetRequiredService<IAgencyClock>();
    /// <summary>Today in the agency's time zone (Asia/Shanghai), as the portal counts it; tests use it instead of <see cref="DateTime.Today"/>.</summary>
    public DateOnly Today => AgencyClock.Today;
    /// <summary>The agency's wall-clock time now (as local date-time fields are entered).</summary>
    public DateTime LocalNow => AgencyClock.LocalNow;
    /// <summary>The host's environment: Production (as deployed) unless a test needs Development's defaults.</summary>
    public string EnvironmentName { get; set; } = "Production";
    /// <summary>Extra configuration (e.g. "Security:SignInPermitsPerMinute"), set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = new() { ["Security:SignInPermitsPerMinute"] = "1000", ["Oidc:RequireHttps"] = "false", ["Security:SessionCheckSeconds"] = "0",
        // Two of the five demo agencies are enough for most tests (switching needs two) and start faster.
        ["Modular:DemoAgencyCount"] = "2",
        // The tests' publisher (index 90: a test may set its own publishers from 0 on); the copied plugin folders are signed by it.
        ["Plugins:Publishers:90:Name"] = Packages.TestPublisherName, ["Plugins:Publishers:90:PublicKey"] = Packages.TestPublisherKey };

    // Each host would watch its settings files with an inotify instance of its own; with many portals alive at once the
    // user's limit (128 by default) is reached and hosts fail to start. Tests never edit those files.
    static PortalFactory() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public PortalFactory(params string[] pluginFolders) : this(NewWorkDir(), pluginFolders) { }

    /// <summary>Reuses a folder (and so its database) from an earlier factory, for restart tests.</summary>
    public PortalFactory(string workDir, string[] pluginFolders, bool copyPlugins = true)
    {
        WorkDir = workDir;
        Directory.CreateDirectory(PluginsDir);
        if (copyPlugins)
        {
            foreach (var folder in pluginFolders)
            {
                Paths.CopyDirectory(Paths.PluginSource(folder), Path.Combine(PluginsDir, folder));
                // As central IT deploys them outside Development: signed (the portal requires it there).
                PackageFormat.SignFolder(Path.Combine(PluginsDir, folder), Packages.TestPublisher, Packages.TestPublisherName);
            }
        }
    }

    public static string NewWorkDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "modular-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseContentRoot(Paths.HostProject);
        builder.UseSetting("Modular:PluginsPath", PluginsDir);
        builder.UseSetting("Modular:DatabaseProvider", TestDatabase.ProviderSetting);
        builder.UseSetting("Modular:ConnectionString", ConnectionString);
        builder.UseSetting("Modular:SeedDemoData", "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            Registrations = services.ToList();
        });
    }

    public Task<List<string>> QueryAsync(string sql, params (string Name, object Value)[] parameters) => TestDatabase.QueryAsync(ConnectionString, sql, parameters);
    public Task ExecAsync(string sql, params (string Name, object Value)[] parameters) => TestDatabase.ExecAsync(ConnectionString, sql, parameters);

    public PluginCatalog Catalog => Services.GetRequiredService<PluginCatalog>();

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<HostDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HostDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestDatabase.Release(ConnectionString);
    }
}
