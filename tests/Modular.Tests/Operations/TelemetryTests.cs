using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;
using Modular.Host.Operations;
using Modular.Sdk;
using Modular.Tests.Infrastructure;
using Modular.Tests.Volunteer;

namespace Modular.Tests.Operations;

/// <summary>
/// The test server has no connection: a request names the address it comes from in a header, set on the connection
/// before anything of the portal runs (as Kestrel would have it).
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var address)) http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            return rest(http);
        });
        next(app);
    };

    public static HttpRequestMessage Get(string path, string? from, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (from is not null) request.Headers.Add(Header, from);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }
}

/// <summary>The portal's metrics: its own meters, the modules' meters, the scrape endpoint and who may read it, the trace id header.</summary>
public sealed class TelemetryTests : IClassFixture<TelemetryTests.Portal>
{
    public const string ScrapeToken = "scrape-token-5b1e0c7d";

    public sealed class Portal : PortalFactory
    {
        public Portal() : base("volunteer")
        {
            Settings["Modular:Telemetry:Prometheus:Token"] = ScrapeToken;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestRemoteAddress>());
        }
    }

    private readonly Portal _portal;
    public TelemetryTests(Portal portal) => _portal = portal;

    private IMeterFactory Meters => _portal.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Metrics_are_served_to_this_machine_in_prometheus_text()
    {
        var client = _portal.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ping")).StatusCode);
        var response = await client.SendAsync(TestRemoteAddress.Get("/metrics", "127.0.0.1"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        // The portal's own plugin gauge and ASP.NET Core's request metrics, under their Prometheus names.
        Assert.Contains("modular_plugins{", body);
        Assert.Contains("modular_plugin_state=\"running\"", body);
        Assert.Contains("http_server_request_duration_seconds", body);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(TestRemoteAddress.Get("/metrics", "::1"))).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_404_from_another_network_unless_the_token_is_sent()
    {
        var client = _portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TestRemoteAddress.Get("/metrics", "10.1.2.3"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TestRemoteAddress.Get("/metrics", null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TestRemoteAddress.Get("/metrics", "10.1.2.3", ScrapeToken + "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(TestRemoteAddress.Get("/metrics", "10.1.2.3", ScrapeToken[..^1]))).StatusCode);
        var withToken = await client.SendAsync(TestRemoteAddress.Get("/metrics", "10.1.2.3", ScrapeToken));
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("modular_plugins{", await withToken.Content.ReadAsStringAsync());
        // A signed-in platform administrator from elsewhere is no scraper either.
        var admin = await _portal.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(TestRemoteAddress.Get("/metrics", "10.1.2.3"))).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_its_trace_id_and_the_error_page_shows_the_same()
    {
        var client = _portal.NewClient();
        var ids = new List<string>();
        foreach (var path in new[] { "/Account/Login", "/health/live", "/", "/ping" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.Headers.TryGetValues(TelemetrySetup.TraceIdHeader, out var values), path + " has no trace id header");
            ids.Add(Assert.Single(values));
        }
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var signedIn = await _portal.SignedInAsync("member");
        var missing = await signedIn.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var traceId = Assert.Single(missing.Headers.GetValues(TelemetrySetup.TraceIdHeader));
        Assert.Contains($"<code data-trace-id>{traceId}</code>", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_ins_failures_and_lockouts_are_counted_with_the_audit_lines_they_write()
    {
        using var signIns = new MetricCollector<long>(Meters, HostMetrics.MeterName, "modular.sign_ins");
        using var lockouts = new MetricCollector<long>(Meters, HostMetrics.MeterName, "modular.lockouts");
        using var audit = new MetricCollector<long>(Meters, HostMetrics.MeterName, "modular.audit.lines");
        await _portal.CreateAgencyAsync("LOCK", "lock-me", Roles.Member);

        await _portal.SignedInAsync("lock-me");
        var client = _portal.NewClient();
        var max = _portal.Services.GetRequiredService<Modular.Host.Security.SecurityOptions>().MaxFailedSignIns;
        for (var i = 0; i < max + 1; i++)
        {
            await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "lock-me", ["Input.Password"] = "wrong-password-1" });
        }

        var outcomes = signIns.GetMeasurementSnapshot().Select(m => (string)m.Tags["modular.outcome"]!).ToList();
        Assert.Equal(1, outcomes.Count(o => o == "succeeded"));
        // The attempt that locks the account is refused as locked; so is the one after it.
        Assert.Equal(max - 1, outcomes.Count(o => o == "failed"));
        Assert.Equal(2, outcomes.Count(o => o == "locked_out"));
        Assert.Equal(1, lockouts.GetMeasurementSnapshot().Sum(m => m.Value));
        // Each attempt wrote its audit line (and the lockout its own, where Identity writes one).
        Assert.True(audit.GetMeasurementSnapshot().Sum(m => m.Value) >= max + 2);
    }

    [Fact]
    public async Task Module_requests_are_counted_per_module_and_agency_and_volunteer_counts_sign_ups_without_a_place()
    {
        using var requests = new MetricCollector<long>(Meters, HostMetrics.MeterName, "modular.module.requests");
        using var noPlace = new MetricCollector<long>(Meters, ModuleMetrics.MeterName("volunteer"), "modular.volunteer.sign_ups.no_place");
        var agency = await _portal.DemoAgencyIdAsync();
        var office = await _portal.SignedInAsync("office");
        var members = await _portal.MemberIdsAsync(3);
        var id = await office.CreateAsync(Modular.Tests.Volunteer.Volunteer.Form(members[0], _portal.LocalNow.Date.AddDays(3).AddHours(9), title: "计数测试", capacity: 1));
        var outcomes = new List<string>();
        foreach (var m in members)
        {
            var response = await office.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = m });
            outcomes.Add((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["outcome"].ToString()!);
        }
        Assert.Equal(["Accepted", "Waiting", "Waiting"], outcomes);

        var noPlaces = noPlace.GetMeasurementSnapshot();
        Assert.Equal(2, noPlaces.Sum(m => m.Value));
        Assert.All(noPlaces, m => Assert.Equal(agency, m.Tags[ModuleMetrics.AgencyTag]));
        var volunteer = requests.GetMeasurementSnapshot().Where(m => (string?)m.Tags[ModuleMetrics.ModuleTag] == "volunteer").ToList();
        Assert.True(volunteer.Count >= 5, $"{volunteer.Count} volunteer requests counted");
        Assert.All(volunteer, m => Assert.Equal(agency, m.Tags[ModuleMetrics.AgencyTag]));
        // A request the gate refuses (module off in that agency) is not the module's.
        var other = await _portal.CreateAgencyAsync("NOVOL", "novol-office", Roles.AgencyAdmin);
        var before = requests.GetMeasurementSnapshot().Count;
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInAsync("novol-office")).GetAsync("/m/volunteer/")).StatusCode);
        Assert.DoesNotContain(requests.GetMeasurementSnapshot().Skip(before), m => Equals(m.Tags[ModuleMetrics.AgencyTag], other));
    }

    [Fact]
    public void Without_an_otlp_endpoint_no_spans_are_recorded() =>
        Assert.Null(_portal.Services.GetService<OpenTelemetry.Trace.TracerProvider>());

    [Fact]
    public void Plugin_states_are_observed_from_the_catalog()
    {
        using var plugins = new MetricCollector<int>(Meters, HostMetrics.MeterName, "modular.plugins");
        _portal.Services.GetRequiredService<HostMetrics>();
        plugins.RecordObservableInstruments();
        var byState = plugins.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["modular.plugin.state"]!, m => m.Value);
        Assert.Equal(1, byState["running"]);
        Assert.Equal(0, byState["failed"]);
    }
}

/// <summary>Who may scrape, decided from the settings alone.</summary>
public sealed class MetricsAccessTests
{
    private static MetricsAccess Access(params (string Key, string Value)[] settings) =>
        new(TelemetryOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build()));

    private static HttpContext From(string? address, string? authorization = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        if (authorization is not null) http.Request.Headers.Authorization = authorization;
        return http;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.1.1", false)]
    [InlineData("192.168.1.5", false)]
    [InlineData(null, false)]
    public void By_default_only_this_machine(string? address, bool allowed) => Assert.Equal(allowed, Access().Allows(From(address)));

    [Theory]
    [InlineData("10.20.1.1", true)]
    [InlineData("::ffff:10.20.255.254", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("192.168.7.7", true)]
    [InlineData("192.168.7.8", false)]
    [InlineData("127.0.0.1", false)]
    public void The_platform_networks_replace_the_default(string address, bool allowed) =>
        Assert.Equal(allowed, Access(("Modular:Telemetry:Prometheus:AllowedNetworks:0", "10.20.0.0/16"), ("Modular:Telemetry:Prometheus:AllowedNetworks:1", "192.168.7.7")).Allows(From(address)));

    [Theory]
    [InlineData("Bearer s3cret-token", true)]
    [InlineData("bearer s3cret-token", true)]
    [InlineData("Bearer s3cret-token2", false)]
    [InlineData("Bearer s3cret-toke", false)]
    [InlineData("Basic s3cret-token", false)]
    [InlineData("", false)]
    public void A_token_opens_it_from_anywhere(string authorization, bool allowed) =>
        Assert.Equal(allowed, Access(("Modular:Telemetry:Prometheus:Token", "s3cret-token")).Allows(From("203.0.113.9", authorization)));

    [Fact]
    public void Without_a_token_setting_no_bearer_opens_it() => Assert.False(Access().Allows(From("203.0.113.9", "Bearer ")));

    [Fact]
    public void A_mistyped_network_stops_the_start_naming_the_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Access(("Modular:Telemetry:Prometheus:AllowedNetworks:0", "10.0.0/33")));
        Assert.Contains("AllowedNetworks", ex.Message);
    }
}
