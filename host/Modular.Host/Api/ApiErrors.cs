using Microsoft.AspNetCore.Diagnostics;
using Modular.Host.Plugins;

namespace Modular.Host.Api;

/// <summary>
/// The portal's API paths: every module's (<c>/m/&lt;id&gt;/api/…</c>) and the host's own (<c>/api/…</c>). The OpenID
/// Connect endpoints (<c>/connect/…</c>) are not among them: they answer in OAuth's error format.
/// </summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) => ModulePaths.IsApi(path) || path.StartsWithSegments("/api");
}

/// <summary>
/// Errors of API paths are RFC 7807 problem details (<c>application/problem+json</c>), never the portal's HTML error
/// page: a status without a body (401, 403, 404 from the gate, a permission or an endpoint) gets one, and an exception
/// becomes a 500 that names only the trace id (the exception goes to the log). Pages keep their HTML error pages.
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services) => services.AddProblemDetails();

    /// <summary>Goes after the pages' error handling, so that an API's error is answered here first.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(http => ApiPaths.IsApi(http.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // A request the server could not read (a malformed body, one too large) is the caller's error. A busy
                // database never reaches here: DatabaseBusyMiddleware, inside, answers it.
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                ExceptionHandler = WriteProblemAsync,
            });
            api.UseStatusCodePages(context => WriteProblemAsync(context.HttpContext));
        });

    // Results.Problem writes JSON whatever the request's Accept header says; the title is the status's standard one.
    private static Task WriteProblemAsync(HttpContext http) => Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
}
