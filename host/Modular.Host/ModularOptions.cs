namespace Modular.Host;

/// <summary>The "Modular" configuration section. Relative paths resolve against the content root, not the working directory.</summary>
public sealed class ModularOptions
{
    public string DataPath { get; set; } = "App_Data";
    public string PluginsPath { get; set; } = "../../plugins";
    public string DatabaseFile { get; set; } = "modular.db";
    /// <summary>Full connection string; overrides DataPath/DatabaseFile when set.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Demo agencies and accounts with a published password: on in Development only (appsettings.Development.json).</summary>
    public bool SeedDemoData { get; set; }
    /// <summary>How many of the five demo agencies to seed (tests use fewer to start faster).</summary>
    public int DemoAgencyCount { get; set; } = 5;
    /// <summary>Record every data change in the audit log. Only bulk tools (benchmark seeding) turn this off.</summary>
    public bool AuditDataChanges { get; set; } = true;

    public string ResolvePluginsPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, PluginsPath));

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString!;
        var dir = Path.GetFullPath(Path.Combine(contentRoot, DataPath));
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, DatabaseFile)}";
    }
}
