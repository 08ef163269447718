using System.Diagnostics;

namespace Modular.Host.Operations;

/// <summary>
/// One line per request when JSON logs are on: method, path, status and time, under the request's scope (so with its
/// TraceId). The path only: query strings carry feed-link tokens, and bodies carry what people typed.
/// Health probes are answered before this and are not logged.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        catch
        {
            Log(http, StatusCodes.Status500InternalServerError, started);
            throw;
        }
        Log(http, http.Response.StatusCode, started);
    }

    private void Log(HttpContext http, int status, long started) =>
        logger.LogInformation("{Method} {Path} answered {StatusCode} in {ElapsedMs} ms",
            http.Request.Method, http.Request.Path.Value, status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
}
