namespace Modular.Host.Security;

/// <summary>Headers every response carries: no framing, no sniffing, no referrer leaks, scripts only from the portal itself.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "same-origin";
        // Browsers apply form-action to the redirects after a post too: sign-in and authorization posts end
        // at a client application's address, so those pages leave it out.
        var crossSiteRedirects = context.Request.Path.StartsWithSegments("/Account") || context.Request.Path.StartsWithSegments("/connect");
        h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'"
            + (crossSiteRedirects ? "" : "; form-action 'self'");
        return next(context);
    }
}
