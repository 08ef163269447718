using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Oidc;

namespace Modular.Tests.Infrastructure;

public static class Clients
{
    /// <summary>Registers a client through the same service the platform's page uses; returns its secret.</summary>
    public static async Task<string?> RegisterAsync(this PortalFactory portal, ClientForm form)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ClientService>();
        var errors = await service.ValidateAsync(form, creating: true, default);
        Assert.Empty(errors);
        return await service.CreateAsync(form, default);
    }

    /// <summary>Grants an application permissions in an agency, through the same service the platform's grants page uses.</summary>
    public static async Task GrantAsync(this PortalFactory portal, string clientId, int agencyId, params string[] permissions)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var grants = scope.ServiceProvider.GetRequiredService<ApplicationGrants>();
        Assert.Empty(await grants.ValidateAsync(clientId, agencyId, permissions, default));
        await grants.SaveAsync(clientId, agencyId, permissions, default);
    }

    public static async Task<string> ClientCredentialsTokenAsync(this HttpClient client, string clientId, string secret, string scope, int? agencyId)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        };
        if (agencyId is { } id) fields["agency_id"] = id.ToString();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
