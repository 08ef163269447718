namespace Modular.Host;

/// <summary>The "Modular" configuration section. Relative paths resolve against the content root, not the working directory.</summary>
public sealed class ModularOptions
{
    public string DataPath { get; set; } = "App_Data";
    public string PluginsPath { get; set; } = "../../plugins";
    public string DatabaseFile { get; set; } = "modular.db";
    /// <summary>Sqlite (default, one file under DataPath) or PostgreSql (needs ConnectionString).</summary>
    public Data.DatabaseProvider DatabaseProvider { get; set; } = Data.DatabaseProvider.Sqlite;
    /// <summary>Full connection string; overrides DataPath/DatabaseFile when set.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Demo agencies and accounts with a published password: on in Development only (appsettings.Development.json).</summary>
    public bool SeedDemoData { get; set; }
    /// <summary>How many of the five demo agencies to seed (tests use fewer to start faster).</summary>
    public int DemoAgencyCount { get; set; } = 5;
    /// <summary>Record every data change in the audit log. Only bulk tools (benchmark seeding) turn this off.</summary>
    public bool AuditDataChanges { get; set; } = true;
    /// <summary>How often (seconds) an instance looks for module switches changed by another instance; 0 = never (one instance).</summary>
    public int SignalSeconds { get; set; } = 2;
    /// <summary>How often (seconds) the modules' scheduled jobs run for every agency; 0 = never (tests run them by hand).</summary>
    public int JobSeconds { get; set; } = 600;
    /// <summary>This instance's name on the Modules page (which instance runs which shared package); unique per instance.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;
    /// <summary>Meter each request's database commands and allocations and show them at /_cost (benchmarks, tests); off in production.</summary>
    public bool RequestCost { get; set; }

    public string ResolvePluginsPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, PluginsPath));

    public Data.DatabaseSettings ResolveDatabase(string contentRoot) => new(DatabaseProvider, ResolveConnectionString(contentRoot));

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString!;
        if (DatabaseProvider == Data.DatabaseProvider.PostgreSql)
            throw new InvalidOperationException("Modular:DatabaseProvider is PostgreSql: set Modular:ConnectionString (e.g. Host=127.0.0.1;Database=modular;Username=modular;Password=...).");
        var dir = Path.GetFullPath(Path.Combine(contentRoot, DataPath));
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, DatabaseFile)}";
    }
}
