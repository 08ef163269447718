using Microsoft.AspNetCore.Builder;

namespace Modular.Sdk;

/// <summary>
/// Personal feed links, for calendar apps and readers that cannot sign in: a long-lived, unguessable and revocable
/// URL to one of the module's feeds (a GET endpoint marked with <see cref="FeedEndpoints.AsFeed{TBuilder}"/>),
/// served as if the member who made it were signed in, in the agency they made it in, for that feed alone and read-only.
/// A link stops working when it is revoked, when its member leaves the agency or when the module is off.
/// </summary>
public interface IFeedLinks
{
    /// <summary>
    /// Makes a new link to <c>/m/&lt;moduleId&gt;/api/&lt;feed&gt;</c> for the signed-in user in the current agency and
    /// returns its absolute URL. The URL holds the secret: it is shown once and stored only as a hash.
    /// </summary>
    Task<string> CreateAsync(string moduleId, string feed, CancellationToken cancellationToken = default);

    /// <summary>The signed-in user's links in the current agency (for one module, or all), newest first.</summary>
    Task<IReadOnlyList<FeedLinkInfo>> MineAsync(string? moduleId = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the signed-in user's own links; false if there is no such link of theirs.</summary>
    Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default);
}

/// <summary>A feed link as its owner sees it: never the secret, only when it was made and last used.</summary>
public sealed record FeedLinkInfo(int Id, string ModuleId, string Feed, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>Marks a module API endpoint as a feed that personal feed links may read.</summary>
public sealed class FeedEndpointMetadata(string feed)
{
    /// <summary>The feed's route under the module's API.</summary>
    public string Feed { get; } = feed;
}

/// <summary>Marks module API endpoints as feeds.</summary>
public static class FeedEndpoints
{
    /// <summary>
    /// Lets personal feed links (<see cref="IFeedLinks"/>) read this GET endpoint. <paramref name="feed"/> is its
    /// route under the module's API (e.g. <c>calendar.ics</c> for <c>api.MapGet("/calendar.ics", …)</c>).
    /// </summary>
    public static TBuilder AsFeed<TBuilder>(this TBuilder builder, string feed) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b => b.Metadata.Add(new FeedEndpointMetadata(feed)));
        return builder;
    }
}
