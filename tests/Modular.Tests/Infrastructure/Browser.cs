using System.Net;
using System.Text.RegularExpressions;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that follows redirects and auto-posting forms by hand, across hosts,
/// the way a browser moves between a relying party and the portal.
/// </summary>
public sealed partial class Browser : IDisposable
{
    public CookieContainer Cookies { get; } = new();
    private readonly HttpClient _http;

    public Browser()
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public List<string> Visited { get; } = [];

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    /// <summary>GETs the URL and follows redirects and OpenID Connect form_post pages until a normal page.</summary>
    public async Task<(Uri Url, HttpResponseMessage Response, string Body)> GoAsync(string url, HttpContent? post = null)
    {
        var current = new Uri(url);
        var response = post is null ? await _http.GetAsync(current) : await _http.PostAsync(current, post);
        for (var hops = 0; hops < 20; hops++)
        {
            Visited.Add($"{(int)response.StatusCode} {current}");
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb)
            {
                current = new Uri(current, response.Headers.Location!);
                response = await _http.GetAsync(current);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            var form = AutoPostForm().Match(body);
            // OpenID Connect form_post: a page whose only job is to post its form on load.
            if (response.IsSuccessStatusCode && form.Success && body.Contains(".submit()", StringComparison.Ordinal))
            {
                var fields = Input().Matches(form.Groups[2].Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
                current = new Uri(current, WebUtility.HtmlDecode(form.Groups[1].Value));
                response = await _http.PostAsync(current, new FormUrlEncodedContent(fields));
                continue;
            }
            return (current, response, body);
        }
        throw new InvalidOperationException("Too many redirects:\n" + string.Join('\n', Visited));
    }

    public void Dispose() => _http.Dispose();
}
