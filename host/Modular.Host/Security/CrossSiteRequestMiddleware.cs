using Modular.Host.Localization;
using Modular.Host.Plugins;

namespace Modular.Host.Security;

/// <summary>
/// Module APIs take the browser's cookie, so another site could make a signed-in person's browser write through them
/// (a <c>text/plain</c> body needs no preflight). Unsafe requests to <c>/m/&lt;id&gt;/api</c> are refused when the
/// browser says they come from another site: <c>Sec-Fetch-Site</c>, else <c>Origin</c>, else <c>Referer</c> — the
/// rule of Go's CrossOriginProtection. Every current browser sends one of them on such a request, so the portal's own
/// pages (same origin) pass; a request with none is not a page's and passes. Bearer tokens are not sent by browsers
/// on their own and are exempt; feed links are GET only. Done once here, for every module.
/// </summary>
public sealed class CrossSiteRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IText text)
    {
        if (!IsRefused(http.Request))
        {
            await next(http);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["A request from another site was refused."]).ExecuteAsync(http);
    }

    public static bool IsRefused(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (!ModulePaths.IsApi(request.Path)) return false;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return !SameOrigin(request, origin);
        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0) return !SameOrigin(request, referer);
        return false;
    }

    // Scheme, host and port (a default port may be written or left out on either side).
    private static bool SameOrigin(HttpRequest request, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
}
