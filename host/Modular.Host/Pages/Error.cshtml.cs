using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Host.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }
    public bool Forbidden { get; private set; }
    public bool TooLarge { get; private set; }
    /// <summary>A 503 without a body of its own: "busy, try again". A busy database is answered before this page (DatabaseBusyMiddleware).</summary>
    public bool Busy { get; private set; }
    /// <summary>The request's trace id, as every log line of the request carries it: the user quotes it to the help desk.</summary>
    public string TraceId { get; private set; } = "";

    public void OnGet([FromQuery] int? code) => Set(code);
    public void OnPost([FromQuery] int? code) => Set(code); // never from the form: it may be what was refused

    private void Set(int? code)
    {
        // Re-executed here, the failed request's Activity is still the current one.
        TraceId = Operations.TelemetrySetup.TraceId(HttpContext);
        IsNotFound = code == 404;
        Forbidden = code == 403;
        // Refused by size before (413), or found too large while the form was read (an exception re-executes here).
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        TooLarge = code == 413 || Response.StatusCode == 413 || error is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: 413 } or InvalidDataException;
        if (TooLarge) code = 413;
        Busy = code == 503;
        // Keep the status of the original failure (a re-executed 404 stays a 404).
        if (code is >= 400 and < 600) Response.StatusCode = code.Value;
    }
}
