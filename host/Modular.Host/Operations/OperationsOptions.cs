using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Modular.Host.Operations;

/// <summary>The "Modular:Logging" and "Modular:Health" settings: what central IT tunes for its log collector and probes.</summary>
public sealed class OperationsOptions
{
    /// <summary>Modular:Logging:Json: one JSON object per log line on the console, with the request's trace id.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>
    /// Modular:Health:PluginFailure: what a plugin that failed to load makes the instance. Unhealthy (default) answers 503
    /// on /health/ready; Degraded answers 200 and still names the plugin, so a load balancer keeps serving the rest.
    /// </summary>
    public HealthStatus PluginFailure { get; init; } = HealthStatus.Unhealthy;

    /// <summary>How long one readiness check may take before it counts as failed.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static OperationsOptions From(IConfiguration configuration) => new()
    {
        JsonLogs = configuration.GetValue("Modular:Logging:Json", false),
        PluginFailure = configuration.GetValue("Modular:Health:PluginFailure", HealthStatus.Unhealthy),
        CheckTimeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Modular:Health:TimeoutSeconds", 5))),
    };
}
