using Microsoft.Extensions.Diagnostics.HealthChecks;
using Modular.Plugins;

namespace Modular.Host.Operations;

/// <summary>Which plugins run and which failed to load, and why (as the Modules page says it, without file paths).</summary>
public sealed class PluginsHealthCheck(PluginCatalog catalog, OperationsOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var plugins = catalog.All;
        var running = plugins.Where(p => p.IsRunning).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var failed = plugins.Where(p => !p.IsRunning).OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new FailedPlugin(p.Id, SafeText.Redact(p.FailureReason))).ToList();
        var data = new Dictionary<string, object> { ["running"] = running, ["failed"] = failed };
        var result = failed.Count == 0
            ? HealthCheckResult.Healthy($"{running.Count} plugin(s) running", data)
            : new HealthCheckResult(options.PluginFailure, $"{failed.Count} plugin(s) failed to load", data: data);
        return Task.FromResult(result);
    }

    public sealed record FailedPlugin(string Id, string Reason);
}
