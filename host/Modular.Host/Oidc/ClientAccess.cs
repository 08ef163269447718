using System.Text.Json;
using OpenIddict.Abstractions;

namespace Modular.Host.Oidc;

/// <summary>Portal-specific facts about a registered client, kept in its OpenIddict properties.</summary>
public static class ClientAccess
{
    public const string AgenciesProperty = "modular_agencies";

    /// <summary>Agencies whose users may use the client; empty means every agency.</summary>
    public static async Task<IReadOnlyList<int>> AgenciesAsync(IOpenIddictApplicationManager apps, object application, CancellationToken ct) =>
        Read(await apps.GetPropertiesAsync(application, ct));

    /// <summary>The agencies from a client's properties; empty means every agency.</summary>
    public static IReadOnlyList<int> Read(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(AgenciesProperty, out var element) && element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32()).ToList()
            : [];

    public static void SetAgencies(OpenIddictApplicationDescriptor descriptor, IEnumerable<int> agencies) =>
        descriptor.Properties[AgenciesProperty] = JsonSerializer.SerializeToElement(agencies.Distinct().Order().ToArray());

    public static bool Allows(IReadOnlyList<int> agencies, int? agencyId) =>
        agencies.Count == 0 || (agencyId is { } id && agencies.Contains(id));
}
