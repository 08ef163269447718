using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Modular.Host.Data;

namespace Modular.Host.Operations;

/// <summary>What central IT runs the portal with: health endpoints for probes, and JSON logs for its collector.</summary>
public static class OperationsSetup
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static void AddOperations(this WebApplicationBuilder builder, DatabaseSettings database)
    {
        var options = OperationsOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.JsonLogs) builder.UseJsonLogs();

        var checks = builder.Services.AddHealthChecks()
            .AddDbContextCheck<HostDbContext>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [Ready])
            .AddCheck<PluginsHealthCheck>("plugins", HealthStatus.Unhealthy, [Ready]);
        if (database.IsPostgreSql)
            checks.AddNpgSql(database.ConnectionString, name: "postgresql", failureStatus: HealthStatus.Unhealthy, tags: [Ready]);
        // A probe waits a few seconds at most: a database that hangs counts as down.
        builder.Services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations) registration.Timeout = options.CheckTimeout;
        });
    }

    /// <summary>
    /// The console logger's JSON formatter, one object per line, with scopes: each request's lines carry its TraceId and
    /// SpanId (the request's Activity), RequestId and RequestPath (the path only, never the query string).
    /// </summary>
    private static void UseJsonLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
    }

    /// <summary>
    /// The health endpoints, answered before anything else of the pipeline (sign-in, agency, module gate, password change,
    /// rate limits, status pages): a probe depends only on what it checks, and writes no session or audit line.
    /// The metrics scrape endpoint likewise (<see cref="TelemetrySetup.UseMetricsEndpoint"/>). Then, with JSON logs, one line per request (<see cref="RequestLogMiddleware"/>).
    /// </summary>
    public static void UseOperations(this WebApplication app)
    {
        app.Services.GetRequiredService<InstanceInfo>(); // its start time is now
        app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.UseHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponse.WriteAsync });
        app.UseMetricsEndpoint();
        if (app.Services.GetRequiredService<OperationsOptions>().JsonLogs) app.UseMiddleware<RequestLogMiddleware>();
    }
}
