using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Modular.Host.Data;
using Modular.Host.Oidc;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Oidc;

/// <summary>
/// The sample relying party (a separate process using ASP.NET Core's standard OpenID Connect handler)
/// signs a user in through the portal over real HTTP: code + PKCE, userinfo, refresh token, single
/// sign-on, and sign-out through the end-session endpoint.
/// </summary>
public sealed class SingleSignOnEndToEndTests : IDisposable
{
    // The sample client (another process) checks the tokens' times on the real clock: this portal keeps real time.
    private readonly PortalFactory _portal = new("notes") { Clock = TestClock.RealTime() };
    private Process? _client;
    private readonly List<string> _clientLog = [];

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string SampleClientDll()
    {
        // Same configuration as this test build: .../tests/Modular.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Paths.Root, "tools", "Modular.SampleClient", "bin", configuration, "net10.0", "Modular.SampleClient.dll");
        Assert.True(File.Exists(dll), "Sample client not built: " + dll);
        return dll;
    }

    [Fact]
    public async Task A_relying_party_signs_in_through_the_portal_and_out_again()
    {
        _portal.UseKestrel(0);
        _portal.StartServer();
        var portalUrl = _portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // Registered through the same service as the platform page, with the client's real callback addresses.
        var port = FreePort();
        var clientUrl = $"http://localhost:{port}";
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "sso-e2e", DisplayName = "示例应用", Confidential = true, FirstParty = true, AuthorizationCode = true,
            RedirectUris = clientUrl + "/signin-oidc", PostLogoutRedirectUris = clientUrl + "/signout-callback-oidc",
            Scopes = ["openid", "profile", "roles", "agency", "offline_access"],
        });
        var started = await StartClientOnAsync(portalUrl, secret!, port);
        Assert.Equal(clientUrl, started);

        using var browser = new Browser();
        // 1. The client sends the browser to the portal, which asks for a sign-in.
        var (loginUrl, _, loginPage) = await browser.GoAsync(clientUrl + "/claims");
        Assert.Equal("/Account/Login", loginUrl.AbsolutePath);
        Assert.StartsWith(portalUrl, loginUrl.ToString());
        var token = WebUtility.HtmlDecode(Regex.Match(loginPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var returnUrl = WebUtility.HtmlDecode(Regex.Match(loginPage, "name=\"ReturnUrl\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("code_challenge_method=S256", Uri.UnescapeDataString(returnUrl));

        // 2. Signing in at the portal brings the browser back to the client, signed in there.
        var (claimsUrl, claimsResponse, claims) = await browser.GoAsync(loginUrl.ToString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "member", ["Input.Password"] = DemoSeeder.DemoPassword, ["ReturnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(claimsResponse.IsSuccessStatusCode, string.Join('\n', browser.Visited) + "\n" + string.Join('\n', _clientLog));
        Assert.Equal(clientUrl + "/claims", claimsUrl.ToString());
        Assert.Contains("data-claim=\"name\">李晓梅<", claims);
        Assert.Contains("data-claim=\"preferred_username\">member<", claims);
        Assert.Contains("data-claim=\"agency_name\">市数据资源局<", claims);
        Assert.Contains("data-claim=\"agency_id\">", claims);
        Assert.Contains("data-claim=\"role\">member<", claims);
        Assert.Contains("data-refresh-token=\"True\"", claims);
        Assert.DoesNotContain("AspNet.Identity.SecurityStamp", claims); // nothing reaches a token by accident

        // 3. Single sign-on: the client forgets its own session; the portal's session signs it in again without a prompt.
        foreach (Cookie c in browser.Cookies.GetCookies(new Uri(clientUrl))) c.Expired = true;
        var (againUrl, _, again) = await browser.GoAsync(clientUrl + "/claims");
        Assert.Equal(clientUrl + "/claims", againUrl.ToString());
        Assert.Contains("李晓梅", again);
        Assert.DoesNotContain(browser.Visited.TakeLast(6), v => v.Contains("/Account/Login"));

        // 4. Signing out of the client ends the portal session too (end-session), and comes back to the client.
        var (afterUrl, _, _) = await browser.GoAsync(clientUrl + "/signout");
        Assert.Equal(clientUrl + "/", afterUrl.ToString());
        Assert.Contains(browser.Visited, v => v.Contains("/connect/endsession"));
        var (portalHome, _, _) = await browser.GoAsync(portalUrl + "/");
        Assert.Equal("/Account/Login", portalHome.AbsolutePath);
    }

    private async Task<string> StartClientOnAsync(string authority, string secret, int port)
    {
        var url = $"http://localhost:{port}";
        var dll = SampleClientDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!, // its appsettings.json
        };
        start.Environment["Portal__Authority"] = authority;
        start.Environment["Portal__ClientId"] = "sso-e2e";
        start.Environment["Portal__ClientSecret"] = secret;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _client = Process.Start(start)!;
        _client.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_clientLog) _clientLog.Add(e.Data); };
        _client.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_clientLog) _clientLog.Add(e.Data); };
        _client.BeginOutputReadLine();
        _client.BeginErrorReadLine();
        using var probe = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            try
            {
                if ((await probe.GetAsync(url + "/")).IsSuccessStatusCode) return url;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("The sample client did not start.");
    }

    public void Dispose()
    {
        if (_client is { HasExited: false })
        {
            _client.Kill(entireProcessTree: true);
            _client.WaitForExit(5000);
        }
        _client?.Dispose();
        _portal.Dispose();
    }
}
