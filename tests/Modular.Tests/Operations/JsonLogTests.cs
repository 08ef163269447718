using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>
/// Modular:Logging:Json=true on the host as central IT runs it (its own process): every console line is a JSON object,
/// each request's line carries its TraceId, and neither query strings nor posted bodies reach the log.
/// </summary>
public sealed class JsonLogTests : IDisposable
{
    private const string QuerySecret = "QUERY-SECRET-7f3a9c";
    private const string BodySecret = "BODY-SECRET-Pass#9x";
    private readonly string _dir = PortalFactory.NewWorkDir();
    private HostProcess? _host;

    [Fact]
    public async Task Console_lines_are_json_and_each_request_carries_its_trace_id_without_query_or_body()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        Directory.CreateDirectory(Path.Combine(_dir, "plugins"));
        _host = new HostProcess(HostProcess.BuiltDll("host/Modular.Host", "Modular.Host"), ["--urls", url], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Modular__Logging__Json"] = "true",
            ["Modular__DatabaseProvider"] = "Sqlite",
            ["Modular__ConnectionString"] = $"Data Source={Path.Combine(_dir, "portal.db")}",
            ["Modular__PluginsPath"] = Path.Combine(_dir, "plugins"),
            ["Modular__SeedDemoData"] = "true",
            ["Modular__DemoAgencyCount"] = "1",
            ["Modular__JobSeconds"] = "0",
            ["Oidc__RequireHttps"] = "false",
        });
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        await WaitForLiveAsync(client);

        var login = await client.GetStringAsync($"/Account/Login?returnUrl=%2F&token={QuerySecret}");
        var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var refused = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "member", ["Input.Password"] = BodySecret, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the page again, with its message
        // Anonymous: sent to the sign-in page (the query string goes along in the return address).
        var missing = await client.GetAsync($"/no-such-page?token={QuerySecret}");
        Assert.Equal(HttpStatusCode.Found, missing.StatusCode);
        Assert.True(await _host.WroteAsync(l => l.Contains("/no-such-page"), TimeSpan.FromSeconds(30)), Dump());
        // Kestrel on loopback: this machine may scrape the metrics; the scrape is not logged either.
        var metrics = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("modular_sign_ins_total", await metrics.Content.ReadAsStringAsync());

        var lines = _host.Output.Where(l => l.Length > 0).ToList();
        var json = lines.Select(l => (Line: l, Json: TryParse(l))).ToList();
        Assert.All(json, l => Assert.True(l.Json is { ValueKind: JsonValueKind.Object }, "Not a JSON object: " + l.Line));
        Assert.DoesNotContain(lines, l => l.Contains(QuerySecret) || l.Contains(BodySecret));

        // One line per request, each with the trace id of its own request.
        var requests = json.Select(l => l.Json!.Value).Where(j => j.GetProperty("Category").GetString()!.EndsWith("RequestLogMiddleware")).ToList();
        var paths = requests.Select(r => r.GetProperty("State").GetProperty("Path").GetString()).ToList();
        Assert.Contains("/Account/Login", paths);
        Assert.Contains("/no-such-page", paths);
        Assert.DoesNotContain(paths, p => p!.StartsWith("/health/")); // probes are not logged
        var traceIds = requests.Select(TraceIdOf).ToList();
        Assert.All(traceIds, t => Assert.Matches("^[0-9a-f]{32}$", t));
        Assert.Equal(traceIds.Count, traceIds.Distinct().Count());
        // The response said the same id as the log line of its request.
        Assert.Equal(Assert.Single(missing.Headers.GetValues("X-Trace-Id")),
            TraceIdOf(requests.Single(r => r.GetProperty("State").GetProperty("Path").GetString() == "/no-such-page")));
        Assert.DoesNotContain("/metrics", paths);
        // The start-up banner is a JSON line too.
        Assert.Contains(json, l => l.Json!.Value.GetProperty("Message").GetString()!.Contains("is running at"));
    }

    private async Task WaitForLiveAsync(HttpClient client)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        Assert.Fail("The host did not start.\n" + Dump());
    }

    private static JsonElement? TryParse(string line)
    {
        try { return JsonDocument.Parse(line).RootElement; }
        catch (JsonException) { return null; }
    }

    private static string? TraceIdOf(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
                .Select(s => s.GetProperty("TraceId").GetString()).FirstOrDefault()
            : null;

    private string Dump() => string.Join('\n', (_host?.Output ?? []).TakeLast(40).Concat(_host?.Errors ?? []));

    public void Dispose()
    {
        _host?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
