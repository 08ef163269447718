using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

// Sample relying party: sign in through the portal (authorization code + PKCE), show the claims, sign out
// through the portal's end-session endpoint. Settings under "Portal" (or Portal__Authority etc.).
var builder = WebApplication.CreateBuilder(args);
var portal = builder.Configuration.GetSection("Portal");

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie(o => o.Cookie.Name = "sample.auth")
    .AddOpenIdConnect(o =>
    {
        o.Authority = portal["Authority"];
        o.RequireHttpsMetadata = o.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        o.ClientId = portal["ClientId"];
        o.ClientSecret = string.IsNullOrEmpty(portal["ClientSecret"]) ? null : portal["ClientSecret"];
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = true;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        if (!o.RequireHttpsMetadata)
        {
            // Plain HTTP (development, tests): secure-only cookies would be dropped, and a cross-site
            // form_post would not carry Lax cookies, so return the code in the query instead.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
        }
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "role";
        o.Scope.Clear();
        foreach (var scope in (portal["Scopes"] ?? "openid").Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        foreach (var claim in new[] { "agency_id", "agency_name", "preferred_username" }) o.ClaimActions.MapUniqueJsonKey(claim, claim);
        o.ClaimActions.MapJsonKey("role", "role");
    });
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext http) => Results.Content(Page("示例应用 / Sample client",
    http.User.Identity?.IsAuthenticated == true
        ? $"<p>已登录：{Encode(http.User.Identity.Name)}</p><p><a href=\"/claims\">查看声明</a> · <a href=\"/signout\">退出</a></p>"
        : "<p><a href=\"/claims\">通过机关党建平台登录</a></p>"), "text/html; charset=utf-8"));

app.MapGet("/claims", async (HttpContext http) =>
{
    var rows = string.Concat(http.User.Claims.Select(c => $"<tr><td>{Encode(c.Type)}</td><td data-claim=\"{Encode(c.Type)}\">{Encode(c.Value)}</td></tr>"));
    var hasRefresh = !string.IsNullOrEmpty(await http.GetTokenAsync("refresh_token"));
    return Results.Content(Page("声明 / Claims",
        $"<table border=\"1\"><tr><th>type</th><th>value</th></tr>{rows}</table><p data-refresh-token=\"{hasRefresh}\">refresh token: {hasRefresh}</p><p><a href=\"/signout\">退出</a></p>"),
        "text/html; charset=utf-8");
}).RequireAuthorization();

app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));

app.Run();

static string Encode(string? s) => WebUtility.HtmlEncode(s ?? "");
static string Page(string title, string body) =>
    $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";
