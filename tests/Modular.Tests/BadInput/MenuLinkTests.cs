using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.BadInput;

/// <summary>
/// No menu item may lead anyone to a refusal: signed in as every demo account, every item of the left navigation (host
/// and modules) answers with a page — directly or after a redirect — never 403, 404, a sign-in page or a server error.
/// </summary>
public sealed class MenuLinkTests(BadInputSweepTests.Portal portal) : IClassFixture<BadInputSweepTests.Portal>
{
    [Fact]
    public async Task Every_menu_item_of_every_demo_account_opens_its_page()
    {
        var failures = new List<string>();
        var followed = 0;
        foreach (var account in PortalClient.DemoAccounts)
        {
            var client = await portal.SignedInAsync(account);
            var links = Html.MenuLinks(await client.GetStringAsync("/"));
            Assert.NotEmpty(links);
            foreach (var (text, href) in links)
            {
                followed++;
                var (status, at) = await FollowAsync(client, href);
                if (status != HttpStatusCode.OK || at.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) || at.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{account} | {text} | {href} | {(int)status} at {at}");
            }
        }
        Assert.True(followed > 40, $"only {followed} menu items followed");
        // The case of issue #18: a member holds org-life's record permission, but talks are kept by the branch committee.
        var member = Html.MenuLinks(await (await portal.SignedInAsync("member")).GetStringAsync("/")).Select(l => l.Text).ToList();
        Assert.Contains("我的组织生活", member);
        Assert.DoesNotContain("谈心谈话", member);
        Assert.Contains("谈心谈话", Html.MenuLinks(await (await portal.SignedInAsync("secretary")).GetStringAsync("/")).Select(l => l.Text));
        Assert.True(failures.Count == 0, "menu items that refuse their user (account | item | link | answer):\n" + string.Join("\n", failures));
    }

    /// <summary>The final answer to <paramref name="url"/> and where it was, following the portal's own redirects.</summary>
    private static async Task<(HttpStatusCode Status, string Url)> FollowAsync(HttpClient client, string url)
    {
        for (var hops = 0; ; hops++)
        {
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400 || hops == 5 || response.Headers.Location is not { } next) return (response.StatusCode, url);
            url = next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString;
        }
    }
}
