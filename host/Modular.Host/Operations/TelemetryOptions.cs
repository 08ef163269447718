using System.Net;

namespace Modular.Host.Operations;

/// <summary>The "Modular:Telemetry" settings: where traces, metrics and logs go, and who may read the metrics.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Modular:Telemetry:OtlpEndpoint (or the standard OTEL_EXPORTER_OTLP_ENDPOINT): traces, metrics and logs are sent
    /// there over OTLP. Without either, nothing leaves the process and no spans are recorded.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Modular:Telemetry:OtlpProtocol: "grpc" (default, port 4317) or "http/protobuf" (port 4318).</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>Whether the standard OTEL_EXPORTER_OTLP_ENDPOINT is set; the exporter then reads all OTEL_* settings itself.</summary>
    public bool StandardOtlpEndpoint { get; init; }

    /// <summary>Modular:Telemetry:Prometheus:Enabled (default true): the scrape endpoint.</summary>
    public bool PrometheusEnabled { get; init; } = true;

    /// <summary>Modular:Telemetry:Prometheus:Path (default /metrics).</summary>
    public PathString PrometheusPath { get; init; } = "/metrics";

    /// <summary>
    /// Modular:Telemetry:Prometheus:AllowedNetworks: the platform's networks (CIDR, e.g. 10.20.0.0/16) whose addresses
    /// may scrape. Default: this machine only (127.0.0.0/8 and ::1).
    /// </summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; init; } = DefaultNetworks;

    /// <summary>Modular:Telemetry:Prometheus:Token: a scraper from anywhere else sends it as "Authorization: Bearer …".</summary>
    public string? Token { get; init; }

    public bool OtlpEnabled => OtlpEndpoint is not null || StandardOtlpEndpoint;

    private static readonly IPNetwork[] DefaultNetworks = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Modular:Telemetry");
        var endpoint = section["OtlpEndpoint"];
        var networks = section.GetSection("Prometheus:AllowedNetworks").Get<string[]>();
        var path = section["Prometheus:Path"];
        return new TelemetryOptions
        {
            OtlpEndpoint = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute),
            OtlpProtocol = section["OtlpProtocol"] is { Length: > 0 } protocol ? protocol : "grpc",
            StandardOtlpEndpoint = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            PrometheusEnabled = section.GetValue("Prometheus:Enabled", true),
            PrometheusPath = string.IsNullOrWhiteSpace(path) ? "/metrics" : new PathString(path.StartsWith('/') ? path : "/" + path),
            // A mistyped network stops the start with the setting's name rather than opening or closing the endpoint silently.
            AllowedNetworks = networks is { Length: > 0 } ? networks.Select(ParseNetwork).ToArray() : DefaultNetworks,
            Token = section["Prometheus:Token"] is { Length: > 0 } token ? token : null,
        };
    }

    private static IPNetwork ParseNetwork(string text) =>
        IPNetwork.TryParse(text.Trim(), out var network) ? network
            : IPAddress.TryParse(text.Trim(), out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"Modular:Telemetry:Prometheus:AllowedNetworks: \"{text}\" is not a network (CIDR such as 10.20.0.0/16) or an address.");
}
