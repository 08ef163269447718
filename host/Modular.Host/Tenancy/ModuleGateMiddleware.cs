using Microsoft.AspNetCore.Authentication;
using Modular.Host.Plugins;
using Modular.Sdk;

namespace Modular.Host.Tenancy;

/// <summary>
/// Every endpoint of a module, and every path under <c>/m/&lt;id&gt;/</c>, answers 404 unless the module
/// is on for the current agency. Runs after authentication so the agency is known.
/// </summary>
public sealed class ModuleGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ModuleGate gate, ICurrentAgency agency, Operations.HostMetrics metrics)
    {
        var moduleId = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>()?.ModuleId
                       ?? ModulePaths.ModuleId(context.Request.Path);
        if (moduleId is null || ModulePaths.IsStaticAsset(context.Request.Path, moduleId))
        {
            await next(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }
        if (!gate.IsEnabled(agency.Id, moduleId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        metrics.ModuleRequest(moduleId, agency.Id);
        await next(context);
    }

    // Scripts and styles under /m/<id>/static are not agency data; they are served before this point anyway.
}
