using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Feeds;

/// <summary>The SDK's <see cref="IFeedLinks"/>: makes, lists and revokes the signed-in user's links in the current agency.</summary>
public sealed class FeedLinkService(HostDbContext db, ICurrentAgency agency, ICurrentUser user, IAuditLog audit, IHttpContextAccessor http, TimeProvider clock) : IFeedLinks
{
    /// <summary>The query parameter that carries the secret.</summary>
    public const string TokenParameter = "token";

    public async Task<string> CreateAsync(string moduleId, string feed, CancellationToken cancellationToken = default)
    {
        var (agencyId, userId) = Owner();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new FeedLink { TokenHash = Hash(token), AgencyId = agencyId, UserId = userId, ModuleId = moduleId, Feed = feed };
        db.FeedLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync("feed-link.create", $"FeedLink#{link.Id}", $"{moduleId}/{feed}", cancellationToken: cancellationToken);
        var request = http.HttpContext?.Request;
        var origin = request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/m/{moduleId}/api/{feed}?{TokenParameter}={token}";
    }

    public async Task<IReadOnlyList<FeedLinkInfo>> MineAsync(string? moduleId = null, CancellationToken cancellationToken = default)
    {
        var (agencyId, userId) = Owner();
        var query = db.FeedLinks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.UserId == userId && l.RevokedAt == null);
        if (moduleId is not null) query = query.Where(l => l.ModuleId == moduleId);
        var rows = await query.Select(l => new FeedLinkInfo(l.Id, l.ModuleId, l.Feed, l.CreatedAt, l.LastUsedAt)).ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        return rows.OrderByDescending(l => l.CreatedAt).ToList();
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var (agencyId, userId) = Owner();
        var link = await db.FeedLinks.FirstOrDefaultAsync(l => l.Id == id && l.AgencyId == agencyId && l.UserId == userId && l.RevokedAt == null, cancellationToken);
        if (link is null) return false;
        link.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync("feed-link.revoke", $"FeedLink#{link.Id}", $"{link.ModuleId}/{link.Feed}", cancellationToken: cancellationToken);
        return true;
    }

    private (int AgencyId, string UserId) Owner() =>
        agency.Id is { } a && user.Id is { } u && user.IsAuthenticated
            ? (a, u)
            : throw new InvalidOperationException("Feed links belong to a signed-in user in an agency.");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
