using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Feeds;

/// <summary>
/// A request to a module's API with <c>?token=</c> is a personal feed link: it is served only by a GET endpoint the
/// module marked as that link's feed, as the link's member in the link's agency (never the caller's own session),
/// and only while the link is not revoked, the member still belongs to the active agency and the account is not
/// locked. Anything else answers 404, so a link reveals nothing. Runs after authentication and before the module
/// gate, which then checks the module is on for that agency as for any request.
/// </summary>
public sealed class FeedLinkMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string AuthenticationType = "FeedLink";
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(10);

    public async Task InvokeAsync(HttpContext context, HostDbContext db)
    {
        if (!context.Request.Query.TryGetValue(FeedLinkService.TokenParameter, out var token) || !ModulePaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }
        var principal = await PrincipalAsync(context, db, token.ToString(), clock.GetUtcNow());
        if (principal is null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.User = principal;
        await next(context);
    }

    private static async Task<ClaimsPrincipal?> PrincipalAsync(HttpContext context, HostDbContext db, string token, DateTimeOffset now)
    {
        var endpoint = context.GetEndpoint();
        var feed = endpoint?.Metadata.GetMetadata<FeedEndpointMetadata>()?.Feed;
        var moduleId = endpoint?.Metadata.GetMetadata<ModuleEndpointMetadata>()?.ModuleId;
        if (feed is null || moduleId is null || !HttpMethods.IsGet(context.Request.Method) || token.Length is < 20 or > 100) return null;
        var ct = context.RequestAborted;
        var hash = FeedLinkService.Hash(token);
        var link = await db.FeedLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null && l.ModuleId == moduleId && l.Feed == feed, ct);
        if (link is null) return null;
        var member = await db.HonouredMemberships().AsNoTracking()
            .Where(m => m.UserId == link.UserId && m.AgencyId == link.AgencyId && m.Agency!.Status == AgencyStatus.Active)
            .Select(m => new
            {
                m.Roles, m.Agency!.Name, m.Agency.ShortName, m.User!.UserName, m.User.DisplayName, m.User.LockoutEnd,
            })
            .FirstOrDefaultAsync(ct);
        if (member is null || member.LockoutEnd > now) return null;

        if (link.LastUsedAt is not { } used || now - used > UseResolution)
            // A plain statement: a calendar app polling its feed is not an audited change.
            await db.FeedLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LastUsedAt, now), ct);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, link.UserId),
            new Claim(ClaimTypes.Name, member.UserName ?? ""),
            new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(member.DisplayName) ? member.UserName ?? "" : member.DisplayName),
        ], AuthenticationType);
        PortalClaimsFactory.AddAgency(identity, link.AgencyId, member.ShortName == "" ? member.Name : member.ShortName, member.Roles);
        return new ClaimsPrincipal(identity);
    }
}
