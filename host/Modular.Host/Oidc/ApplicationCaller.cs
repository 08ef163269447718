using System.Security.Claims;
using Modular.Host.Plugins;
using Modular.Sdk;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

/// <summary>
/// The request's caller when it is an application (a client-credentials access token) rather than a person: its
/// permissions in the token's agency, read per request by <see cref="ApplicationCallerMiddleware"/>.
/// </summary>
public sealed class ApplicationCaller
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public bool IsApplication { get; private set; }
    public string? ClientId { get; private set; }
    /// <summary>The permissions granted to the application in the token's agency, as they are now.</summary>
    public IReadOnlySet<string> Permissions { get; private set; } = None;

    internal void Set(string clientId, IReadOnlySet<string> permissions) => (IsApplication, ClientId, Permissions) = (true, clientId, permissions);

    /// <summary>True for the principal of an access token the portal issued to a client acting for itself.</summary>
    public static bool IsApplicationPrincipal(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirst(OidcClaims.ClientApplication)?.Value == "true";
}

/// <summary>
/// For an application's request: loads its grants in the token's agency (fresh, so a revocation counts at the next
/// request), and answers 404 on an endpoint that declares no permission (<c>.RequirePermission</c>): an application reads
/// only what it was granted, never what a module left open to every signed-in person.
/// </summary>
public sealed class ApplicationCallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ApplicationCaller caller, ApplicationGrants grants, ICurrentAgency agency)
    {
        if (ApplicationCaller.IsApplicationPrincipal(http.User) && http.User.GetClaim(Claims.Subject) is { } clientId)
        {
            caller.Set(clientId, agency.Id is { } id ? await grants.InForceAsync(clientId, id, http.RequestAborted) : new HashSet<string>());
            var endpoint = http.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<ModuleEndpointMetadata>() is not null && endpoint.Metadata.GetMetadata<RequirePermissionAttribute>() is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next(http);
    }
}
