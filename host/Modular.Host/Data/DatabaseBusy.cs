using Npgsql;

namespace Modular.Host.Data;

/// <summary>
/// A request that failed because no database connection could be had in time (PostgreSQL's pool exhausted under load, or
/// the server not answering within the connection timeout): the portal is busy, not broken, so the answer is 503 with a
/// "try again" instead of a 500. Nothing was saved: the failure comes before the request's save could open a connection.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client is told to wait (Retry-After) before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    // Npgsql throws NpgsqlException("The connection pool has been exhausted…", new TimeoutException()) and the same shape
    // for a connect timeout; EF Core may wrap it (InvalidOperationException, DbUpdateException, RetryLimitExceeded).
    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { InnerException: TimeoutException }) return true;
        return false;
    }

}

/// <summary>
/// The one answer to a busy database: 503 "系统繁忙，请稍后重试" with Retry-After, a problem on API paths. Placed inside the
/// error page's and the API's exception handlers (and so also around the error page when it is re-executed), so neither
/// turns it into a 500. Needs no database: the portal's error page does (sign-in, layout) and would fail the same way.
/// </summary>
public sealed class DatabaseBusyMiddleware(RequestDelegate next, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers, ILogger<DatabaseBusyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception error) when (DatabaseBusy.Is(error) && !http.Response.HasStarted)
        {
            // Not a fault to trace, but operators should see the pool running dry (the type only: messages may quote data).
            logger.LogWarning("Database busy (no connection in time): {Method} answered 503; {Error}", http.Request.Method, error.GetType().Name);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString();
            http.Response.Headers.CacheControl = "no-store";
            // Out here the request's culture is not set (it was set inside): the portal's default, Chinese.
            if (!HostSetup.Cultures.Any(c => c.Name == System.Globalization.CultureInfo.CurrentUICulture.Name))
                System.Globalization.CultureInfo.CurrentUICulture = HostSetup.Cultures[0];
            var message = localizers.Create(typeof(DatabaseBusy))["The system is busy, please try again later."].Value;
            if (Api.ApiPaths.IsApi(http.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: message).ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            var text = System.Net.WebUtility.HtmlEncode(message);
            await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{text}</title></head><body><p>{text}</p></body></html>");
        }
    }
}
