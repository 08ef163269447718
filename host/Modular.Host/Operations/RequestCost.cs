using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Modular.Host.Operations;

/// <summary>What one request cost: database commands of every context (host's and modules') and bytes allocated.</summary>
/// <param name="Queries">Commands sent to the database while the request ran.</param>
/// <param name="Bytes">Bytes allocated by the process while it ran; only the request's own when <paramref name="Alone"/>.</param>
/// <param name="Alone">No other request overlapped it, so <paramref name="Bytes"/> is this request's.</param>
/// <param name="Commands">The commands' SQL (parameters not included), in order: what a test prints when a count grows.</param>
public sealed record RequestCostSample(string Path, int Status, int Queries, long Bytes, bool Alone, IReadOnlyList<string> Commands);

/// <summary>
/// The request cost meter (Modular:RequestCost=true, off by default): counts each request's database commands and
/// allocations and keeps the last ones per path, shown at <c>/_cost</c> for the benchmark and read by tests.
/// Allocations are the process's (requests hop threads), so a sample says whether another request overlapped it.
/// </summary>
public sealed class RequestCostMeter(ModularOptions options)
{
    public const string Path = "/_cost";
    private const int Kept = 50;
    private static readonly AsyncLocal<Counter?> Current = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RequestCostSample>> _samples = new();
    private long _inFlight, _started;

    public bool Enabled => options.RequestCost;

    private sealed class Counter
    {
        public int Queries;
        public readonly ConcurrentQueue<string> Commands = new();
    }

    /// <summary>Counts one database command for the request this code runs in (no-op outside a metered request).</summary>
    public static void CountQuery(string? sql = null)
    {
        if (Current.Value is not { } counter) return;
        Interlocked.Increment(ref counter.Queries);
        // SQL only: parameter values (which may be confidential) are never kept.
        if (sql is not null) counter.Commands.Enqueue(sql);
    }

    /// <summary>The last samples of a path ("/m/x?y=1": path and query as requested), oldest first.</summary>
    public IReadOnlyList<RequestCostSample> Samples(string pathAndQuery) =>
        _samples.TryGetValue(pathAndQuery, out var q) ? q.ToArray() : [];

    public void Clear() => _samples.Clear();

    public async Task MeasureAsync(HttpContext http, RequestDelegate next)
    {
        var counter = new Counter();
        Current.Value = counter;
        var startedBefore = Interlocked.Increment(ref _started);
        var alone = Interlocked.Increment(ref _inFlight) == 1;
        var bytes = GC.GetTotalAllocatedBytes();
        try
        {
            await next(http);
        }
        finally
        {
            bytes = GC.GetTotalAllocatedBytes() - bytes;
            Interlocked.Decrement(ref _inFlight);
            alone &= Interlocked.Read(ref _started) == startedBefore;
            Current.Value = null;
            var key = http.Request.Path.Value + http.Request.QueryString.Value;
            var queue = _samples.GetOrAdd(key, _ => new ConcurrentQueue<RequestCostSample>());
            queue.Enqueue(new RequestCostSample(key, http.Response.StatusCode, counter.Queries, bytes, alone, counter.Commands.ToArray()));
            while (queue.Count > Kept) queue.TryDequeue(out _);
        }
    }

    /// <summary>Per path: samples, the last request's queries, the median of queries and of bytes (requests that ran alone).</summary>
    public object Summary() => _samples.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p =>
    {
        var all = p.Value.ToArray();
        var alone = all.Where(s => s.Alone).Select(s => s.Bytes).Order().ToArray();
        var queries = all.Select(s => s.Queries).Order().ToArray();
        return new
        {
            samples = all.Length,
            lastQueries = all.Length > 0 ? all[^1].Queries : 0,
            medianQueries = queries.Length > 0 ? queries[queries.Length / 2] : 0,
            medianBytes = alone.Length > 0 ? alone[alone.Length / 2] : (long?)null,
            aloneSamples = alone.Length,
        };
    });
}

/// <summary>Counts every command of a context it is added to (all of the host's and modules'), for <see cref="RequestCostMeter"/>.</summary>
public sealed class QueryCountInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RequestCostMeter.CountQuery(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

public static class RequestCostSetup
{
    /// <summary>
    /// When Modular:RequestCost is on: meters every request and answers <c>/_cost</c> (JSON per path) to callers on this
    /// machine only. Off (the default), nothing is added to the pipeline.
    /// </summary>
    public static void UseRequestCost(this WebApplication app)
    {
        var meter = app.Services.GetRequiredService<RequestCostMeter>();
        if (!meter.Enabled) return;
        app.Use(async (http, next) =>
        {
            if (http.Request.Path != RequestCostMeter.Path)
            {
                await meter.MeasureAsync(http, next);
                return;
            }
            var remote = http.Connection.RemoteIpAddress;
            if (remote is not null && !System.Net.IPAddress.IsLoopback(remote))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (HttpMethods.IsDelete(http.Request.Method)) meter.Clear();
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(meter.Summary()));
        });
    }
}
