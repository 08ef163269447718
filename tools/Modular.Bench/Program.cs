using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

const string Usage = """
    Modular.Bench: load benchmark of the portal over loopback.

    Usage (after `dotnet publish host/Modular.Host -c Release -o /tmp/modular-release` and seeding with tools/Modular.Seed):
      dotnet run -c Release --project tools/Modular.Bench -- --host /tmp/modular-release --database /tmp/bench.db
           [--postgres "<connection string>"] --plugins tests/fixture-plugins --seconds 10 --connections 64
           --user bench --password Bench@2026 [--module-page /m/<id>/... (repeatable)]

    Starts the host in Production on a free loopback port, measures the time to the first page and the memory,
    signs in, reads each endpoint's queries and allocated bytes per request from the host's meter (/_cost), then
    drives each endpoint with N concurrent connections and prints a Markdown table per host.

      --host DIR           the published host (default /tmp/modular-release); repeatable: each measured in turn
      --database FILE      SQLite database seeded by Modular.Seed (default /tmp/modular-bench.db)
      --postgres CS        run on PostgreSQL with this connection string instead
      --plugins DIR        plugins folder (default tests/fixture-plugins)
      --seconds N          seconds per endpoint (default 10)
      --connections N[,M]  concurrent connections, one run each (default 64; e.g. 64,8)
      --cost-samples N     requests per endpoint, one at a time, for queries and bytes per request (default 10)
      --user, --password   the account that signs in (default office / Demo@2026)
      --module-page PATH   a module page to measure (repeatable; default /m/notes)
      --soak N             soak mode instead: N seconds of simulated people of mixed roles (needs the first-party
                           modules, --plugins plugins, and accounts from `Modular.Seed --accounts`); exits 1 on any error
      --users N            people in the soak (default 200), spread over --agencies N agencies (default 10)
      --exam               exam mode instead: the --users people of the first agency (accounts from `Modular.Seed
                           --agencies 1 --accounts N`, study on) take its open test at the same moment, every answer
                           on its own request; each attempt is read back; exits 1 on any lost answer or error
      --help               this text
    """;
if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
{
    Console.WriteLine(Usage);
    return;
}
// --host may be repeated (the build before and after a change): each is measured in turn on the same data.
var hostDirs = Args("--host").Select(Path.GetFullPath).ToList();
if (hostDirs.Count == 0) hostDirs.Add(Path.GetFullPath("/tmp/modular-release"));
var database = Arg("--database", "/tmp/modular-bench.db");
var plugins = Arg("--plugins", Path.GetFullPath("tests/fixture-plugins"));
var seconds = int.Parse(Arg("--seconds", "10"));
// --connections 64,8: each endpoint is driven at each of these concurrencies.
var connectionCounts = Arg("--connections", "64").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
var user = Arg("--user", "office");
var password = Arg("--password", "Demo@2026");
// Modules' pages to load (first-party modules', or the fixture notes' list by default); one run measures them all.
var modulePages = Args("--module-page");
if (modulePages.Count == 0) modulePages.Add("/m/notes");
var costSamples = int.Parse(Arg("--cost-samples", "10"));
foreach (var hostDir in hostDirs)
{
    Console.WriteLine($"## {hostDir}");
    Console.WriteLine();
    await RunHostAsync(hostDir);
}

async Task RunHostAsync(string hostDir)
{
var port = 5300 + Random.Shared.Next(400);
var baseUrl = $"http://127.0.0.1:{port}";

var start = new ProcessStartInfo("dotnet", [Path.Combine(hostDir, "Modular.Host.dll"), "--urls", baseUrl])
{
    WorkingDirectory = hostDir,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
// --postgres "<connection string>" runs the host on PostgreSQL instead of the SQLite file.
var postgres = Arg("--postgres", "");
start.Environment["Modular__DatabaseProvider"] = postgres.Length > 0 ? "PostgreSql" : "Sqlite";
start.Environment["Modular__ConnectionString"] = postgres.Length > 0 ? postgres : $"Data Source={Path.GetFullPath(database)}";
start.Environment["Modular__PluginsPath"] = plugins;
// Queries and bytes per request at /_cost (a host built before the meter simply answers 404 there).
start.Environment["Modular__RequestCost"] = "true";
start.Environment["Oidc__RequireHttps"] = "false";
// The build's unsigned plugin folders, measured as they are (the host warns that signatures are off).
start.Environment["Plugins__RequireSignature"] = "false";
start.Environment["Security__SignInPermitsPerMinute"] = "100000";
// wrk sends the cookie it was given for ever, so once the session check's interval (a minute) had passed the host checked
// the account on every request (five commands): a browser takes the renewed cookie and pays that once a minute.
start.Environment["Security__SessionCheckSeconds"] = "3600";
start.Environment["Logging__LogLevel__Default"] = "Warning";
var clock = Stopwatch.StartNew();
using var host = Process.Start(start)!;
// --host-log FILE keeps the host's console log (its errors with their stack traces) for finding a failure's cause.
var hostLogPath = Arg("--host-log", "");
using var hostLog = hostLogPath.Length > 0 ? TextWriter.Synchronized(new StreamWriter(hostLogPath) { AutoFlush = true }) : null;
host.OutputDataReceived += (_, e) => { if (e.Data is not null) hostLog?.WriteLine(e.Data); };
host.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("host: " + e.Data); hostLog?.WriteLine(e.Data); } };
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var probe = new HttpClient();
    TimeSpan startup = default;
    while (clock.Elapsed < TimeSpan.FromMinutes(3))
    {
        try
        {
            if ((await probe.GetAsync(baseUrl + "/Account/Login")).IsSuccessStatusCode) { startup = clock.Elapsed; break; }
        }
        catch (HttpRequestException) { }
        await Task.Delay(50);
    }
    if (startup == default) throw new InvalidOperationException("The host did not start.");

    if (args.Contains("--exam"))
    {
        var exam = new Soak(baseUrl, host, 0, int.Parse(Arg("--users", "200")), 1, Arg("--password", "Bench@2026"));
        var (examReport, examErrors) = await exam.RunExamAsync();
        Console.WriteLine($"Start-up to the first served page: {startup.TotalSeconds:F1} s.");
        Console.WriteLine(examReport);
        Environment.ExitCode = examErrors == 0 ? 0 : 1;
        return;
    }

    var soakSeconds = int.Parse(Arg("--soak", "0"));
    if (soakSeconds > 0)
    {
        var soak = new Soak(baseUrl, host, soakSeconds, int.Parse(Arg("--users", "200")), int.Parse(Arg("--agencies", "10")), Arg("--password", "Bench@2026"));
        var (soakReport, soakErrors) = await soak.RunAsync();
        Console.WriteLine($"Start-up to the first served page: {startup.TotalSeconds:F1} s.");
        Console.WriteLine(soakReport);
        if (soakErrors > 0) Environment.ExitCode = 1;
        return;
    }

    var cookies = new CookieContainer();
    using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = connectionCounts.Max() * 2 };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    var login = await client.GetStringAsync("/Account/Login");
    var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
    }));
    if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Sign-in failed: " + signIn.StatusCode);

    var endpoints = new List<(string Name, string Path)>
    {
        ("signed-in bare endpoint (ceiling)", "/ping"),
        ("dashboard", "/"),
        ("member list page", "/Directory/Members"),
    };
    endpoints.AddRange(modulePages.Select(p => ("module page", p)));
    // Warm up each endpoint once so that compilation is not measured.
    foreach (var (_, path) in endpoints) (await client.GetAsync(path)).EnsureSuccessStatusCode();
    host.Refresh();
    var memoryAfterWarmUp = host.WorkingSet64;

    // Queries and allocated bytes per request: one request at a time (so that the bytes are the request's own),
    // from the host's meter; they do not depend on the machine's load.
    var costs = new Dictionary<string, (int Queries, long? Bytes)>();
    foreach (var (_, path) in endpoints)
    {
        await client.DeleteAsync("/_cost");
        for (var i = 0; i < costSamples; i++) (await client.GetAsync(path)).Dispose();
        using var answer = await client.GetAsync("/_cost");
        if (!answer.IsSuccessStatusCode) continue;
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        if (!json.RootElement.TryGetProperty(path, out var cost)) continue;
        costs[path] = (cost.GetProperty("medianQueries").GetInt32(),
            cost.GetProperty("medianBytes").ValueKind == System.Text.Json.JsonValueKind.Number ? cost.GetProperty("medianBytes").GetInt64() : null);
    }

    var results = new Dictionary<(string Path, int Connections), (double Rps, double P50, double P99, int Errors)>();
    // wrk (Debian's package) loads far harder than an HttpClient loop sharing the same two cores.
    var cookieHeader = cookies.GetCookieHeader(new Uri(baseUrl));
    var useWrk = File.Exists("/usr/bin/wrk");
    foreach (var connections in connectionCounts)
    foreach (var (name, path) in endpoints)
    {
        if (useWrk)
        {
            results[(path, connections)] = RunWrk(path, connections, cookieHeader, baseUrl);
            continue;
        }
        var latencies = new List<double>[connections];
        var errors = 0;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (until.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var r = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        results[(path, connections)] = (all.Count / until.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], errors);
    }
    host.Refresh();
    var report = new StringBuilder();
    var header = new StringBuilder("| endpoint | path | queries | KiB allocated |");
    var line = new StringBuilder("| --- | --- | ---: | ---: |");
    foreach (var c in connectionCounts)
    {
        header.Append($" req/s @{c} | of ceiling @{c} | p50 ms @{c} | p99 ms @{c} | errors @{c} |");
        line.Append(" ---: | ---: | ---: | ---: | ---: |");
    }
    report.AppendLine(header.ToString()).AppendLine(line.ToString());
    foreach (var (name, path) in endpoints)
    {
        var row = new StringBuilder($"| {name} | `{path}` | ");
        row.Append(costs.TryGetValue(path, out var cost) ? $"{cost.Queries} | {(cost.Bytes is { } b ? (b / 1024.0).ToString("F0") : "?")} |" : "? | ? |");
        foreach (var c in connectionCounts)
        {
            var r = results[(path, c)];
            var ceiling = results[(endpoints[0].Path, c)].Rps;
            row.Append($" {r.Rps:F0} | {r.Rps / ceiling:P0} | {r.P50:F1} | {r.P99:F1} | {r.Errors} |");
        }
        report.AppendLine(row.ToString());
    }
    report.AppendLine();
    report.AppendLine($"Start-up to the first served page: {startup.TotalSeconds:F1} s. Working set after warm-up: {memoryAfterWarmUp / 1048576} MiB; after the load: {host.WorkingSet64 / 1048576} MiB.");
    report.AppendLine($"{string.Join(" and ", connectionCounts)} connections, {seconds} s per endpoint, {(useWrk ? "wrk -t2" : "HttpClient loop")} on the same machine ({Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}); queries and bytes: median of {costSamples} requests one at a time.");
    Console.WriteLine(report.ToString());
}
finally
{
    host.Kill(entireProcessTree: true);
    host.WaitForExit(5000);
}
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

(double, double, double, int) RunWrk(string path, int connections, string cookieHeader, string baseUrl)
{
    var wrk = Process.Start(new ProcessStartInfo("/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", "Cookie: " + cookieHeader, baseUrl + path])
    {
        RedirectStandardOutput = true,
    })!;
    var output = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    double Number(string pattern)
    {
        var m = Regex.Match(output, pattern);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }
    var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } e ? int.Parse(e.Groups[1].Value) : 0;
    return (Number(@"Requests/sec:\s+([\d.]+)()"), Number(@"50%\s+([\d.]+)(us|ms|s)"), Number(@"99%\s+([\d.]+)(us|ms|s)"), errors);
}

List<string> Args(string name) =>
    args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
