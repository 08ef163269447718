using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Security;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Token_requests_are_limited_per_address()
    {
        using var portal = new PortalFactory();
        portal.Settings["Security:TokenPermitsPerMinute"] = "2";
        var client = portal.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x",
            }));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_for_a_while()
    {
        using var portal = new PortalFactory();
        portal.Settings["Security:SignInPermitsPerMinute"] = "3";
        var client = portal.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var token = await client.TokenAsync("/Account/Login");
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "nobody", ["Input.Password"] = "x", ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode); // reading the page is not limited
    }
}
