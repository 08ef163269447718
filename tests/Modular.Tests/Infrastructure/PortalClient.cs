using System.Net;
using System.Text.RegularExpressions;

namespace Modular.Tests.Infrastructure;

/// <summary>Drives the portal the way a browser does: forms with their antiforgery tokens, cookies, redirects by hand.</summary>
public static partial class PortalClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>Posts a form found on <paramref name="pageUrl"/> to <paramref name="action"/> (the page itself by default).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var token = await client.TokenAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public static async Task SignInAsync(this HttpClient client, string userName, string password = Modular.Host.Data.DemoSeeder.DemoPassword)
    {
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every demo account of the README, least rights first (the posts of an administrator can change what the others see).</summary>
    public static readonly string[] DemoAccounts = ["member", "secretary", "shuji", "jijian", "office", "auditor", "gongwei", "secadmin", "admin"];

    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, string userName, string password = Modular.Host.Data.DemoSeeder.DemoPassword)
    {
        var client = factory.NewClient();
        await client.SignInAsync(userName, password);
        return client;
    }
}
