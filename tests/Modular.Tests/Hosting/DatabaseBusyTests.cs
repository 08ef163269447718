using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Tests.Infrastructure;
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
    }

    [Fact]
    public void Other_failures_are_not_busy()
    {
        Assert.False(DatabaseBusy.Is(null));
        Assert.False(DatabaseBusy.Is(new TimeoutException()));
        Assert.False(DatabaseBusy.Is(new NpgsqlException("syntax error")));
        Assert.False(DatabaseBusy.Is(new DbUpdateException("duplicate key value violates unique constraint")));
        Assert.False(DatabaseBusy.Is(new InvalidOperationException("a bug")));
    }
}

/// <summary>The busy answer itself: 503 in Chinese (a problem on API paths), never a 500; anything else goes on to the error handlers.</summary>
public sealed class DatabaseBusyMiddlewareTests
{
    private static async Task<(HttpContext Http, string Body)> RunAsync(string path, Exception thrown)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        http.RequestServices = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddProblemDetails().AddLogging().BuildServiceProvider();
        var middleware = new DatabaseBusyMiddleware(_ => throw thrown, new Modular.Host.Localization.JsonStringLocalizerFactory(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseBusyMiddleware>.Instance);
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

/// <summary>
/// Through the real pipeline: a page and an API whose database gives no connection answer 503 with Retry-After from the
/// one busy answer (DatabaseBusyMiddleware), never a 500 — also when the error page could not render either.
/// </summary>
public sealed class DatabaseBusyPipelineTests : IClassFixture<DatabaseBusyPipelineTests.Portal>
{
    public const string BusyHeader = "X-Test-Database-Busy";

    /// <summary>Every connection a request carrying <see cref="BusyHeader"/> opens fails as an exhausted pool does.</summary>
    public sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.ConfigureDbContext<HostDbContext>((sp, o) => o.AddInterceptors(new BusyConnections(sp.GetRequiredService<IHttpContextAccessor>())));
                services.ConfigureDbContext<DirectoryDbContext>((sp, o) => o.AddInterceptors(new BusyConnections(sp.GetRequiredService<IHttpContextAccessor>())));
            });
        }
    }

    private sealed class BusyConnections(IHttpContextAccessor http) : DbConnectionInterceptor
    {
        private void ThrowIfBusy()
        {
            if (http.HttpContext?.Request.Headers.ContainsKey(BusyHeader) == true)
                throw new NpgsqlException("The connection pool has been exhausted", new TimeoutException());
        }

        public override InterceptionResult ConnectionOpening(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            ThrowIfBusy();
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            ThrowIfBusy();
            return ValueTask.FromResult(result);
        }
    }

    private readonly Portal _portal;
    public DatabaseBusyPipelineTests(Portal portal) => _portal = portal;

    // Answered in one place: no exception handler (error page, API problem) saw the request's error as a fault; the
    // busy answer warned, in the request's trace.
    private async Task<HttpResponseMessage> BusyGetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(BusyHeader, "1");
        var response = await client.SendAsync(request);
        var trace = response.Headers.GetValues(Modular.Host.Operations.TelemetrySetup.TraceIdHeader).Single();
        var logged = _portal.Log.Records.Where(r => r.TraceId == trace).ToList();
        Assert.Contains(logged, r => r.Category == typeof(DatabaseBusyMiddleware).FullName);
        Assert.DoesNotContain(logged, r => r.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal));
        return response;
    }

    [Fact]
    public async Task A_page_answers_503_try_again_with_Retry_After()
    {
        var client = await _portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var response = await BusyGetAsync(client, "/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("系统繁忙，请稍后重试", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_API_answers_a_503_problem_with_Retry_After()
    {
        var client = await _portal.SignedInAsync("office");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/no-such-thing")).StatusCode);

        var response = await BusyGetAsync(client, "/api/no-such-thing");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", await response.Content.ReadAsStringAsync());
    }
}
