using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Jobs;
using Modular.Host.Operations;
using Modular.Plugins;

namespace Modular.Host.Pages.Platform;

/// <summary>
/// How the platform is doing, for central IT: this instance and the others seen, each plugin's state, the database's
/// size, the latest job runs, the audit chain, and what other subsystems add (<see cref="IStatusSection"/>, the last
/// backup among them).
/// </summary>
public sealed class StatusModel(PluginCatalog catalog, HostDbContext db, DatabaseSettings database, InstanceInfo instance, JobRunLog jobRuns,
    AuditVerifier verifier, IEnumerable<IStatusSection> sections) : PageModel
{
    public const int JobRunsShown = 20;

    /// <summary>Another instance on the same database, as its plugin states show it (written where packages are shared).</summary>
    public sealed record OtherInstance(string Name, DateTime LastSeen, IReadOnlyList<string> Plugins);

    public InstanceInfo Instance => instance;
    public IReadOnlyList<OtherInstance> OtherInstances { get; private set; } = [];
    public IReadOnlyList<PluginDescriptor> Plugins { get; private set; } = [];
    public long DatabaseBytes { get; private set; }
    public long? WalBytes { get; private set; }
    public IReadOnlyList<JobRun> JobRuns { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();
    public ChainReport? Chain { get; private set; }
    public IReadOnlyList<(string Key, StatusSectionContent Content)> Sections { get; private set; } = [];
    public bool HasBackupSection => Sections.Any(s => s.Key == IStatusSection.BackupKey);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plugins = catalog.All.OrderBy(p => p.IsRunning ? 1 : 0).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        OtherInstances = (await db.PluginInstanceStates.AsNoTracking().Where(s => s.Instance != instance.InstanceName).ToListAsync(ct))
            .GroupBy(s => s.Instance)
            .Select(g => new OtherInstance(g.Key, g.Max(s => s.At),
                g.OrderBy(s => s.PluginId, StringComparer.Ordinal).Select(s => s.PluginId + " " + (s.RunningVersion ?? "—")).ToList()))
            .OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        (DatabaseBytes, WalBytes) = await DatabaseSize.ReadAsync(db, database, ct);
        JobRuns = jobRuns.Latest(JobRunsShown);
        var agencyIds = JobRuns.Select(r => r.AgencyId).Distinct().ToList();
        AgencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        Chain = await verifier.VerifyAsync(ct);
        var contents = new List<(string, StatusSectionContent)>();
        foreach (var section in sections.OrderBy(s => s.Order))
            contents.Add((section.Key, await section.GetAsync(ct)));
        Sections = contents;
    }

    /// <summary>1 234 567 bytes as "1.2 MB": binary units, one decimal.</summary>
    public static string Size(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return unit == 0 ? $"{bytes} B" : $"{value:0.0} {units[unit]}";
    }

    public static string LevelClass(StatusLevel level) => level switch
    {
        StatusLevel.Good => "status status-good",
        StatusLevel.Warning => "status status-warning",
        StatusLevel.Danger => "status status-danger",
        _ => "status status-neutral",
    };
}
