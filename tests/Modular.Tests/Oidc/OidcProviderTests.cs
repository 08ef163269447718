using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Modular.Host.Oidc;
using Modular.Tests.Infrastructure;
using Modular.Tests.Tenancy;

namespace Modular.Tests.Oidc;

/// <summary>The portal as an OpenID Connect provider, driven in-process: discovery, registration, flows, refusals.</summary>
public sealed class OidcProviderTests : IClassFixture<OidcProviderTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public OidcProviderTests(Portal portal) => _portal = portal;

    private static JsonElement Json(string s) => JsonDocument.Parse(s).RootElement;

    [Fact]
    public async Task Discovery_offers_code_with_S256_only_and_publishes_keys()
    {
        var client = _portal.NewClient();
        var doc = Json(await client.GetStringAsync("/.well-known/openid-configuration"));
        Assert.EndsWith("/connect/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/connect/endsession", doc.GetProperty("end_session_endpoint").GetString());
        Assert.EndsWith("/connect/introspect", doc.GetProperty("introspection_endpoint").GetString());
        Assert.EndsWith("/connect/revoke", doc.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var grants = doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.DoesNotContain("password", grants);
        Assert.Equal(["code"], doc.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        var scopes = doc.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("agency", scopes);
        Assert.Contains("modules", scopes);
        var jwks = Json(await client.GetStringAsync(doc.GetProperty("jwks_uri").GetString()!));
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task The_platform_registers_a_client_and_sees_its_secret_once()
    {
        var admin = await _portal.SignedInAsync("admin");
        var bad = await admin.PostFormAsync("/Platform/Clients/Edit", new Dictionary<string, string>
        {
            ["creating"] = "true", ["Form.DisplayName"] = "", ["Form.ClientId"] = "X", ["Form.Confidential"] = "false",
            ["Form.AuthorizationCode"] = "true", ["Form.ClientCredentials"] = "true", ["Form.RedirectUris"] = "not-a-url",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请输入应用名称。", badHtml);
        Assert.Contains("客户端标识须为", badHtml);
        Assert.Contains("只有机密客户端", badHtml);
        Assert.Contains("不是不含片段的绝对 http(s) 地址", badHtml);

        var ok = await admin.PostFormAsync("/Platform/Clients/Edit", new Dictionary<string, string>
        {
            ["creating"] = "true", ["Form.DisplayName"] = "督查督办系统", ["Form.ClientId"] = "supervision-app", ["Form.Confidential"] = "true",
            ["Form.AuthorizationCode"] = "true", ["Form.ClientCredentials"] = "false", ["Form.RedirectUris"] = "https://supervision.example.gov/signin-oidc",
            ["Form.Scopes"] = "openid",
        });
        var html = await ok.Content.ReadAsStringAsync();
        var secret = Regex.Match(html, "data-testid=\"client-secret\">([^<]+)<").Groups[1].Value;
        Assert.True(secret.Length >= 40);
        var list = await admin.GetStringAsync("/Platform/Clients");
        Assert.Contains("supervision-app", list);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/Platform/Clients/Edit?clientId=supervision-app"));
        Assert.Contains("/Account/AccessDenied", (await (await _portal.SignedInAsync("office")).GetAsync("/Platform/Clients")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Client_credentials_call_a_module_API_scoped_to_the_tokens_agency()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await _portal.CreateAgencyAsync("CC2", "cc2-admin", "agency-admin,member", "notes");
        var foreignNote = await _portal.AddNoteAsync(other, "他单位笔记");
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "reporting", DisplayName = "统计报送", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [demo],
        });
        await _portal.GrantAsync("reporting", demo, "notes.view");
        var http = _portal.NewClient();
        var token = await http.ClientCredentialsTokenAsync("reporting", secret!, "modules", demo);

        var api = _portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var notes = await api.GetFromJsonAsync<List<AgencyIsolationTests.NoteDto>>("/m/notes/api/notes");
        Assert.NotNull(notes);
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Equal(demo, n.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/m/notes/api/notes/{foreignNote}")).StatusCode);

        // Not an agency the client serves.
        var refused = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "reporting", ["client_secret"] = secret!, ["scope"] = "modules", ["agency_id"] = other.ToString(),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // A wrong secret.
        var wrong = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "reporting", ["client_secret"] = "nope", ["scope"] = "modules",
        }));
        Assert.False(wrong.IsSuccessStatusCode);
        // No token, or a broken one.
        var anonymous = _portal.NewClient();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/m/notes/api/notes")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_modules_scope_cannot_call_module_APIs()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "profile-only", DisplayName = "只读", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["agency"], Agencies = [demo],
        });
        var token = await _portal.NewClient().ClientCredentialsTokenAsync("profile-only", secret!, "agency", demo);
        var api = _portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Not issued for the module APIs (no "modules" audience): not accepted there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
    }

    [Fact]
    public async Task Introspection_and_revocation_work_for_a_confidential_client()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "introspector", DisplayName = "自省", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [demo],
        });
        var http = _portal.NewClient();
        var token = await http.ClientCredentialsTokenAsync("introspector", secret!, "modules", demo);
        async Task<JsonElement> Introspect() => Json(await (await http.PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "introspector", ["client_secret"] = secret!, ["token"] = token,
        }))).Content.ReadAsStringAsync());
        var active = await Introspect();
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal("introspector", active.GetProperty("client_id").GetString());

        var revoke = await http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "introspector", ["client_secret"] = secret!, ["token"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.False((await Introspect()).GetProperty("active").GetBoolean());
        var api = _portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
    }

    private static string Authorize(string clientId, string redirect, string? challenge, string? method, string scope = "openid profile agency") =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirect, ["scope"] = scope, ["state"] = "xyz",
            ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        }.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));

    [Fact]
    public async Task Signing_out_of_the_portal_revokes_what_sign_on_gave_the_clients()
    {
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "spa-offline", DisplayName = "离线应用", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://spa.example.gov/offline", Scopes = ["openid", "profile", "offline_access"],
        });
        var browser = await _portal.SignedInAsync("secretary");
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorized = await browser.GetAsync(Authorize("spa-offline", "https://spa.example.gov/offline", challenge, "S256", "openid profile offline_access"));
        var code = QueryHelpers.ParseQuery(new Uri(authorized.Headers.Location!.ToString()).Query)["code"].ToString();
        var app = _portal.NewClient();
        var tokens = await app.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "spa-offline", ["code"] = code,
            ["redirect_uri"] = "https://spa.example.gov/offline", ["code_verifier"] = verifier,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        Assert.True(tokens.IsSuccessStatusCode, body);
        var refresh = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("refresh_token").GetString()!;

        await browser.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        var renewed = await app.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "spa-offline", ["refresh_token"] = refresh,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, renewed.StatusCode);
        Assert.Contains("invalid_grant", await renewed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorization_requests_need_PKCE_with_S256()
    {
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "spa-pkce", DisplayName = "单页应用", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://spa.example.gov/callback", Scopes = ["openid", "profile", "agency"],
        });
        var client = await _portal.SignedInAsync("member");
        foreach (var (challenge0, method0) in new (string?, string?)[] { (null, null), (new string('a', 43), "plain") })
        {
            var refused = await client.GetAsync(Authorize("spa-pkce", "https://spa.example.gov/callback", challenge0, method0));
            // Refused either at the portal (400) or back at the client with an error, never with a code.
            var where = refused.Headers.Location?.ToString() ?? "";
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest || where.Contains("error="), $"{refused.StatusCode} {where}");
            Assert.DoesNotContain("code=", where);
        }

        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var good = await client.GetAsync(Authorize("spa-pkce", "https://spa.example.gov/callback", challenge, "S256"));
        var location = good.Headers.Location!.ToString();
        Assert.StartsWith("https://spa.example.gov/callback?code=", location);
        var code = QueryHelpers.ParseQuery(new Uri(location).Query)["code"].ToString();

        // The code is worthless without the verifier, and good with it.
        var stolen = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "spa-pkce", ["code"] = code, ["redirect_uri"] = "https://spa.example.gov/callback", ["code_verifier"] = "wrong-" + verifier,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
    }

    [Fact]
    public async Task A_third_party_client_asks_for_consent_and_a_refusal_returns_access_denied()
    {
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "vendor-app", DisplayName = "第三方问卷系统", Confidential = false, FirstParty = false, AuthorizationCode = true,
            RedirectUris = "https://vendor.example.com/cb", Scopes = ["openid", "profile"],
        });
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var url = Authorize("vendor-app", "https://vendor.example.com/cb", challenge, "S256", "openid profile");
        var client = await _portal.SignedInAsync("member");
        var consent = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var html = await consent.Content.ReadAsStringAsync();
        Assert.Contains("第三方问卷系统", html);
        Assert.Contains("您的姓名和用户名", html);

        var fields = Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        fields["decision"] = "deny";
        var denied = await client.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Contains("error=access_denied", denied.Headers.Location!.ToString());

        fields["decision"] = "accept";
        var accepted = await client.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.StartsWith("https://vendor.example.com/cb?code=", accepted.Headers.Location!.ToString());
        // Consent is remembered: the next request goes straight through.
        var again = await client.GetAsync(url);
        Assert.StartsWith("https://vendor.example.com/cb?code=", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_client_limited_to_other_agencies_refuses_this_agencys_users()
    {
        var elsewhere = await _portal.CreateAgencyAsync("ONLY", "only-admin", "agency-admin,member");
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "only-there", DisplayName = "专用系统", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://only.example.gov/cb", Scopes = ["openid"], Agencies = [elsewhere],
        });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes("v")));
        var client = await _portal.SignedInAsync("member");
        var response = await client.GetAsync(Authorize("only-there", "https://only.example.gov/cb", challenge, "S256", "openid"));
        Assert.Contains("error=access_denied", response.Headers.Location!.ToString());
    }
    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required_to_the_client()
    {
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "spa-silent", DisplayName = "静默续期", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://spa.example.gov/silent", Scopes = ["openid", "profile"],
        });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes("silent-verifier")));
        var anonymous = _portal.NewClient();
        var response = await anonymous.GetAsync(Authorize("spa-silent", "https://spa.example.gov/silent", challenge, "S256", "openid profile") + "&prompt=none");
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.StartsWith("https://spa.example.gov/silent", location);
        Assert.Contains("error=login_required", location);
        Assert.Contains("state=xyz", location);
    }

    [Fact]
    public async Task Prompt_login_makes_a_signed_in_user_sign_in_again()
    {
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "spa-relogin", DisplayName = "重新登录", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://spa.example.gov/relogin", Scopes = ["openid", "profile"],
        });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes("relogin-verifier")));
        var url = Authorize("spa-relogin", "https://spa.example.gov/relogin", challenge, "S256", "openid profile") + "&prompt=login";
        var client = await _portal.SignedInAsync("member");
        // A valid session is not enough: the sign-in page comes first.
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.ToString();
        Assert.Contains("/Account/Login", login);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), login).Query)["ReturnUrl"].ToString();
        Assert.StartsWith("/connect/authorize", returnUrl);
        // Coming back without signing in again (the address alone) still asks for the sign-in.
        var skipped = await client.GetAsync(returnUrl);
        Assert.Contains("/Account/Login", skipped.Headers.Location!.ToString());
        // Signing in again leads on to the client with a code.
        var signedIn = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "member", ["Input.Password"] = Modular.Host.Data.DemoSeeder.DemoPassword, ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var back = await client.GetAsync(signedIn.Headers.Location!.ToString());
        Assert.StartsWith("https://spa.example.gov/relogin?code=", back.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_access_token_opens_module_APIs_but_no_portal_page()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "pages-probe", DisplayName = "探测", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules", "roles"], Agencies = [demo],
        });
        await _portal.GrantAsync("pages-probe", demo, "notes.view");
        var token = await _portal.NewClient().ClientCredentialsTokenAsync("pages-probe", secret!, "modules", demo);
        var bearer = _portal.NewClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/m/notes/api/notes")).StatusCode);
        foreach (var page in new[] { "/", "/Agency/Modules", "/Platform/Agencies", "/Audit", "/m/notes" })
            Assert.Contains("/Account/Login", (await bearer.GetAsync(page)).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task End_session_without_an_id_token_hint_asks_the_user_first()
    {
        var client = await _portal.SignedInAsync("member");
        var response = await client.GetAsync("/connect/endsession");
        Assert.Equal("/Account/Logout", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // still signed in
    }
}
