using Modular.Sdk;

namespace Modular.Host.Feeds;

public static class FeedSetup
{
    /// <summary>Personal feed links (a calendar subscription that opens one GET feed without a session).</summary>
    public static IServiceCollection AddFeedLinks(this IServiceCollection services) => services.AddScoped<IFeedLinks, FeedLinkService>();
}
