using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Modular.Tests.Hosting;

/// <summary>
/// PostgreSQL under a burst (the exam bench: 200 takers starting at once): a request that gets no connection in time is
/// "busy" (503), not a fault (500).
/// </summary>
public sealed class DatabaseBusyTests
{
    // The shape Npgsql throws when the pool is exhausted (and for a connect timeout).
    private static NpgsqlException PoolExhausted() =>
        new("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.", new TimeoutException());

    [Fact]
    public void Pool_exhaustion_is_busy_also_when_EF_Core_wraps_it()
    {
        Assert.True(DatabaseBusy.Is(PoolExhausted()));
        Assert.True(DatabaseBusy.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", PoolExhausted())));
        Assert.True(DatabaseBusy.Is(new DbUpdateException("save", PoolExhausted())));
        Assert.Equal(503, DatabaseBusy.Status(PoolExhausted(), 500));
    }

    [Fact]
    public void Other_failures_are_not_busy()
    {
        Assert.False(DatabaseBusy.Is(null));
        Assert.False(DatabaseBusy.Is(new TimeoutException()));
        Assert.False(DatabaseBusy.Is(new NpgsqlException("syntax error")));
        Assert.False(DatabaseBusy.Is(new DbUpdateException("duplicate key value violates unique constraint")));
        Assert.Equal(500, DatabaseBusy.Status(new InvalidOperationException("a bug"), 500));
    }
}

/// <summary>The outermost answer when even the error page cannot get a connection: 503 in Chinese, never a 500.</summary>
public sealed class DatabaseBusyMiddlewareTests
{
    private static async Task<(HttpContext Http, string Body)> RunAsync(string path, Exception thrown)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        http.RequestServices = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddProblemDetails().AddLogging().BuildServiceProvider();
        var middleware = new DatabaseBusyMiddleware(_ => throw thrown, new Modular.Host.Localization.JsonStringLocalizerFactory());
        await middleware.InvokeAsync(http);
        http.Response.Body.Position = 0;
        return (http, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private static NpgsqlException PoolExhausted() => new("The connection pool has been exhausted", new TimeoutException());

    [Fact]
    public async Task A_page_whose_database_is_busy_answers_503_try_again_in_Chinese()
    {
        var (http, body) = await RunAsync("/m/study/Take/1", new InvalidOperationException("transient", PoolExhausted()));
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Contains("系统繁忙，请稍后重试", body);
        Assert.DoesNotContain("pool", body);
    }

    [Fact]
    public async Task An_API_whose_database_is_busy_answers_a_503_problem()
    {
        var (http, body) = await RunAsync("/api/me", PoolExhausted());
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Contains("\"status\":503", body);
        Assert.Contains("系统繁忙", body);
    }

    [Fact]
    public async Task Any_other_failure_is_left_to_the_error_page()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("/", new InvalidOperationException("a bug")));
    }
}
