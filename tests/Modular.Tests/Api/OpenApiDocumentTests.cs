using System.Net;
using System.Text.Json;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Api;

/// <summary>
/// The OpenAPI document of the modules' APIs (/openapi/v1.json) and the integrators' page: module endpoints with their
/// permissions, OAuth 2.0 client credentials at the token endpoint, a plugin installed while running appears at once.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static async Task<JsonElement> DocumentAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Paths(JsonElement document) => document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public async Task The_document_describes_module_endpoints_their_permissions_and_the_token_endpoint()
    {
        using var portal = new PortalFactory("notes");
        var admin = await portal.SignedInAsync("admin");
        var document = await DocumentAsync(admin);

        var paths = Paths(document);
        Assert.Contains("/m/notes/api/notes", paths);
        Assert.Contains("/m/notes/api/notes/{id}", paths);
        // Only APIs: no sign-in endpoints, pages or probes.
        Assert.DoesNotContain(paths, p => p.StartsWith("/connect") || p == "/ping" || p.StartsWith("/culture") || p.StartsWith("/openapi"));
        var list = document.GetProperty("paths").GetProperty("/m/notes/api/notes").GetProperty("get");
        Assert.Equal(["notes"], list.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("notes.view", list.GetProperty("description").GetString());
        Assert.Equal("modules", list.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());
        Assert.Contains(document.GetProperty("tags").EnumerateArray(), t => t.GetProperty("name").GetString() == "notes");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var flow = scheme.GetProperty("flows").GetProperty("clientCredentials");
        Assert.EndsWith("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("modules", out _));

        // The platform administrator's by default: not an agency's staff, not anonymous.
        var office = await portal.SignedInAsync("office");
        Assert.Contains("/Account/AccessDenied", (await office.GetAsync("/openapi/v1.json")).Headers.Location!.ToString());
        Assert.Contains("/Account/Login", (await portal.NewClient().GetAsync("/openapi/v1.json")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_plugin_installed_while_running_joins_the_document_and_the_integrators_page()
    {
        using var portal = new PortalFactory("notes");
        var admin = await portal.SignedInAsync("admin");
        Assert.DoesNotContain("/m/shelf/api/items", Paths(await DocumentAsync(admin)));
        Assert.DoesNotContain("/m/shelf/api/items", await admin.GetStringAsync("/Platform/Integrators"));

        Assert.Contains("已安装并运行", await admin.UploadOkAsync(Packages.Pack("shelf")));

        var document = await DocumentAsync(admin);
        Assert.Contains("/m/shelf/api/items", Paths(document));
        Assert.Equal(["shelf"], document.GetProperty("paths").GetProperty("/m/shelf/api/items").GetProperty("get").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("/m/notes/api/notes", Paths(document));
        Assert.Contains("/m/shelf/api/items", await admin.GetStringAsync("/Platform/Integrators"));
    }

    [Fact]
    public async Task The_integrators_page_explains_the_token_request_and_lists_endpoints_per_module()
    {
        using var portal = new PortalFactory("notes");
        var admin = await portal.SignedInAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Platform/Integrators"));
        Assert.Contains("接口对接说明", html);
        Assert.Contains("grant_type=client_credentials", html);
        Assert.Contains("agency_id", html);
        Assert.Contains("/connect/token", html);
        Assert.Contains("application/problem+json", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
        Assert.Contains("data-testid=\"endpoints-notes\"", html);
        Assert.Contains("/m/notes/api/notes/{id}", html);
        Assert.Contains("notes.view", html);
        Assert.Contains("/Platform/Integrators", await admin.GetStringAsync("/"));

        var office = await portal.SignedInAsync("office");
        Assert.Contains("/Account/AccessDenied", (await office.GetAsync("/Platform/Integrators")).Headers.Location!.ToString());
    }
}
