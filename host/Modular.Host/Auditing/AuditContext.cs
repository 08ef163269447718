using System.Security.Claims;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Auditing;

/// <summary>Who is acting and from where, read from the current request (or the agency scope outside one).</summary>
public sealed class AuditContext(IHttpContextAccessor http)
{
    public AuditRecord Record(string action, string target, string? details = null, bool success = true)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return new AuditRecord(action, target, details, success,
            // Sessions carry the framework's claim types; access tokens (an application's too) OpenID Connect's.
            signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) ?? user!.FindFirstValue("sub") : null,
            signedIn ? user!.FindFirstValue(ClaimTypes.Name) ?? user!.FindFirstValue("name") : null,
            AgencyScope.Override?.Id ?? CurrentAgency.ReadId(user),
            context?.Connection.RemoteIpAddress?.ToString());
    }
}

/// <summary>The SDK's audit log: explicit events from modules and the host.</summary>
public sealed class AuditLog(AuditWriter writer, AuditContext context) : IAuditLog
{
    public Task WriteAsync(string action, string target, string? details = null, bool success = true, CancellationToken cancellationToken = default) =>
        writer.AppendAsync([context.Record(action, target, details, success)], cancellationToken);

    /// <summary>For events where the actor is not signed in yet (failed sign-in): name them explicitly.</summary>
    public Task WriteAsAsync(string? userName, string action, string target, string? details, bool success, CancellationToken ct = default)
    {
        var r = context.Record(action, target, details, success);
        return writer.AppendAsync([r with { UserName = r.UserName ?? userName }], ct);
    }
}
