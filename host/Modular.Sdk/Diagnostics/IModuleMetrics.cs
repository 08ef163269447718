using System.Diagnostics.Metrics;

namespace Modular.Sdk;

/// <summary>
/// A module's own counters, histograms and gauges, exported with the portal's (OpenTelemetry: the Prometheus scrape
/// endpoint and OTLP). Ask for the module's meter once, create the instruments once (a singleton service of the
/// module holds them) and name them <c>modular.&lt;module id&gt;.&lt;what&gt;</c>, for example
/// <c>modular.volunteer.sign_ups.no_place</c>. Tag a measurement with <see cref="ModuleMetrics.AgencyTag"/> where it
/// belongs to an agency; never with a person, a name or an id of a record (tags must stay few).
/// </summary>
public interface IModuleMetrics
{
    /// <summary>The meter of <paramref name="moduleId"/>, named <see cref="ModuleMetrics.MeterName"/>; the same meter on every call.</summary>
    /// <param name="moduleId">The module's id, as in its manifest.</param>
    Meter For(string moduleId);
}

/// <summary>Names shared by the host's and the modules' metrics.</summary>
public static class ModuleMetrics
{
    /// <summary>Every meter whose name starts with this is exported; modules get theirs through <see cref="IModuleMetrics"/>.</summary>
    public const string MeterPrefix = "Modular.Module.";

    /// <summary>The tag naming the agency a measurement belongs to (its id).</summary>
    public const string AgencyTag = "modular.agency";

    /// <summary>The tag naming the module a measurement belongs to (its id).</summary>
    public const string ModuleTag = "modular.module";

    /// <summary>The meter name of a module: <c>Modular.Module.&lt;id&gt;</c>.</summary>
    /// <param name="moduleId">The module's id, as in its manifest.</param>
    public static string MeterName(string moduleId) => MeterPrefix + moduleId;
}
