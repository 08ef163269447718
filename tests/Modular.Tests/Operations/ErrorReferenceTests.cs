using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>The error page shows the request's trace id, the one the server logged the failure with.</summary>
public sealed class ErrorReferenceTests : IClassFixture<ErrorReferenceTests.FailingPortal>
{
    /// <summary>The real host, plus one path that fails as a bug would (after everything else of the pipeline).</summary>
    public sealed class FailingPortal() : PortalFactory("notes")
    {
        public const string FailingPath = "/test-only/fails";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingPathFilter>());
        }

        private sealed class FailingPathFilter : IStartupFilter
        {
            // Added behind the portal's pipeline: reached only when no endpoint answered, inside its exception handler.
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Run(http =>
                {
                    if (http.Request.Path == FailingPath) throw new InvalidOperationException("a bug in the portal");
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            };
        }
    }

    private readonly FailingPortal _portal;
    public ErrorReferenceTests(FailingPortal portal) => _portal = portal;

    private static string? ShownReference(string html) =>
        Regex.Match(html, "<code data-trace-id>([^<]*)</code>") is { Success: true } m ? m.Groups[1].Value : null;

    [Fact]
    public async Task The_error_page_shows_the_trace_id_the_failure_was_logged_with()
    {
        var response = await (await _portal.SignedInAsync("member")).GetAsync(FailingPortal.FailingPath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("错误编号", html);
        var shown = ShownReference(html);
        Assert.Matches("^[0-9a-f]{32}$", shown);
        // The failure of this request is among those logged (each test of the class makes some), under the same id.
        var logged = _portal.Log.Records.Where(r => r.Level == LogLevel.Error && r.Text.Contains("a bug in the portal"));
        Assert.Contains(logged, r => r.TraceId == shown);
    }

    [Fact]
    public async Task Each_request_has_its_own_reference()
    {
        var client = await _portal.SignedInAsync("member");
        var first = ShownReference(await (await client.GetAsync(FailingPortal.FailingPath)).Content.ReadAsStringAsync());
        var second = ShownReference(await (await client.GetAsync(FailingPortal.FailingPath)).Content.ReadAsStringAsync());
        Assert.NotNull(first);
        Assert.NotEqual(first, second);
    }
}
