using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Modular.Sdk;

namespace Modular.Host.Operations;

/// <summary>
/// OpenTelemetry: metrics always (for the scrape endpoint), with ASP.NET Core's, HttpClient's, the runtime's, Identity's,
/// Npgsql's, the portal's own (<see cref="HostMetrics"/>) and every module's ("Modular.Module.*"). Traces and logs only
/// when an OTLP endpoint is configured: spans nobody receives would cost every request for nothing.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The response header that carries the request's trace id (the id the error page and JSON logs show).</summary>
    public const string TraceIdHeader = "X-Trace-Id";

    public static void AddTelemetry(this WebApplicationBuilder builder, ModularOptions modular)
    {
        var options = TelemetryOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<IModuleMetrics, ModuleMeters>();
        services.AddSingleton<InstanceInfo>();

        var health = new PathString("/health");
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("modular-portal", serviceVersion: HostVersion, serviceInstanceId: modular.InstanceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(HostMetrics.MeterName, ModuleMetrics.MeterPrefix + "*", "Microsoft.AspNetCore.Identity", "Npgsql");
                if (options.PrometheusEnabled) metrics.AddPrometheusExporter();
            });
        if (!options.OtlpEnabled) return;
        otel.WithTracing(tracing => tracing
            // Probes and scrapes every few seconds would drown the traces people look for.
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(health) && http.Request.Path != options.PrometheusPath)
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation());
        // The standard OTEL_EXPORTER_OTLP_* variables configure everything when set; the portal's setting names the endpoint only.
        if (options.OtlpEndpoint is { } endpoint)
            otel.UseOtlpExporter(options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, endpoint);
        else
            otel.UseOtlpExporter();
    }

    /// <summary>
    /// The Prometheus scrape endpoint, for the platform's networks or a token only (<see cref="MetricsAccess"/>): anyone
    /// else gets a bare 404, signed in or not, as if there were nothing (the sign-in page would tell it exists).
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.PrometheusEnabled) return;
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.Use((http, next) =>
        {
            if (http.Request.Path != options.PrometheusPath || access.Allows(http)) return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == options.PrometheusPath);
    }

    /// <summary>The host's version (its assembly's informational version, without the source revision).</summary>
    public static string HostVersion { get; } = ReadHostVersion();

    private static string ReadHostVersion()
    {
        var assembly = typeof(TelemetrySetup).Assembly;
        var informational = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    /// <summary>The request's trace id: the current Activity's, as logs carry it, else the server's request id.</summary>
    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
}

/// <summary>
/// Puts the request's trace id on every response (<see cref="TelemetrySetup.TraceIdHeader"/>), error pages included: set
/// as the response starts, so an exception handler that clears the headers does not drop it.
/// </summary>
public sealed class TraceIdHeaderMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var traceId = TelemetrySetup.TraceId(http);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[TelemetrySetup.TraceIdHeader] = traceId;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
