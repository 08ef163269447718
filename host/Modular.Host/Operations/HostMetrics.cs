using System.Diagnostics.Metrics;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Operations;

/// <summary>
/// The portal's own meter ("Modular.Host"), beside ASP.NET Core's, EF Core's and the runtime's. Tags stay few: a
/// module id, an agency id, an outcome; never a person, a path or a record.
/// </summary>
public sealed class HostMetrics
{
    public const string MeterName = "Modular.Host";

    private readonly Counter<long> _moduleRequests;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _auditLines;
    private readonly Counter<long> _jobRuns;

    public HostMetrics(IMeterFactory meters, PluginCatalog catalog)
    {
        var meter = meters.Create(MeterName);
        _moduleRequests = meter.CreateCounter<long>("modular.module.requests", "{request}", "Requests to a module's pages and APIs that passed its gate, per module and agency.");
        _signIns = meter.CreateCounter<long>("modular.sign_ins", "{attempt}", "Sign-in attempts by outcome (succeeded, failed, locked_out).");
        _lockouts = meter.CreateCounter<long>("modular.lockouts", "{lockout}", "Accounts locked after too many failed sign-ins.");
        _auditLines = meter.CreateCounter<long>("modular.audit.lines", "{line}", "Audit lines written.");
        _jobRuns = meter.CreateCounter<long>("modular.jobs.runs", "{run}", "Scheduled job runs by module, job and outcome (succeeded, failed).");
        // Read when collected: a plugin that fails at start, or while being installed, shows without a hook of its own.
        meter.CreateObservableGauge("modular.plugins", () => PluginStates(catalog), "{plugin}", "Plugins by state (running, failed).");
    }

    private static IEnumerable<Measurement<int>> PluginStates(PluginCatalog catalog)
    {
        var plugins = catalog.All;
        var running = plugins.Count(p => p.IsRunning);
        yield return new Measurement<int>(running, new KeyValuePair<string, object?>("modular.plugin.state", "running"));
        yield return new Measurement<int>(plugins.Count - running, new KeyValuePair<string, object?>("modular.plugin.state", "failed"));
    }

    public void ModuleRequest(string moduleId, int? agencyId) =>
        _moduleRequests.Add(1, new(ModuleMetrics.ModuleTag, moduleId), new(ModuleMetrics.AgencyTag, agencyId));

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("modular.outcome", outcome));

    public void Lockout() => _lockouts.Add(1);

    public void AuditLines(int count) => _auditLines.Add(count);

    public void JobRun(string moduleId, string job, bool succeeded) =>
        _jobRuns.Add(1, new(ModuleMetrics.ModuleTag, moduleId), new("modular.job", job), new("modular.outcome", succeeded ? "succeeded" : "failed"));
}

/// <summary>Modules' meters through the host's <see cref="IMeterFactory"/>, so tests and exporters see them as the host's.</summary>
public sealed class ModuleMeters(IMeterFactory meters) : IModuleMetrics
{
    public Meter For(string moduleId) => meters.Create(ModuleMetrics.MeterName(moduleId));
}
