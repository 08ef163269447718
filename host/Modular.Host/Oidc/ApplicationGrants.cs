using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Plugins;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

/// <summary>
/// What an application (a client acting for itself with client credentials) may do: module permissions per agency,
/// granted by the platform administrator. Kept in the client's OpenIddict properties (<c>modular_grants</c>:
/// agency id → permission names), so no table of its own; read fresh from the database on every request of the
/// application, so a revoked grant stops at the next request, on every instance.
/// </summary>
public sealed class ApplicationGrants(IOpenIddictApplicationManager apps, HostDbContext db, PluginCatalog catalog, AuditLog audit, IText text)
{
    public const string GrantsProperty = "modular_grants";

    /// <summary>A permission a running module declares, with its module, as the grants page offers it.</summary>
    public sealed record Declared(string ModuleId, string ModuleName, string Permission, string Display);

    /// <summary>Every permission the running modules declare, by module.</summary>
    public IReadOnlyList<Declared> DeclaredPermissions() =>
        catalog.Running.SelectMany(p => p.Permissions.Select(d => new Declared(p.Id, p.Name.Current, d.Name, d.Display.Current))).ToList();

    /// <summary>The client's grants as stored (agency id → permissions), or null when there is no such client.</summary>
    public async Task<Dictionary<int, SortedSet<string>>?> LoadAsync(string? clientId, CancellationToken ct)
    {
        var app = string.IsNullOrWhiteSpace(clientId) ? null : await apps.FindByClientIdAsync(clientId, ct);
        return app is null ? null : Read(await apps.GetPropertiesAsync(app, ct));
    }

    /// <summary>
    /// The permissions in force for the application in the agency, read from the database now (not from OpenIddict's
    /// cache of clients): none when the client is gone, no longer uses client credentials or no longer serves the agency.
    /// </summary>
    public async Task<IReadOnlySet<string>> InForceAsync(string clientId, int agencyId, CancellationToken ct)
    {
        var row = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientId == clientId).Select(a => new { a.Properties, a.Permissions }).FirstOrDefaultAsync(ct);
        if (row?.Properties is null || row.Permissions?.Contains(Permissions.GrantTypes.ClientCredentials, StringComparison.Ordinal) != true)
            return new HashSet<string>();
        var properties = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.Properties) ?? [];
        if (!ClientAccess.Allows(ClientAccess.Read(properties), agencyId)) return new HashSet<string>();
        return Read(properties).TryGetValue(agencyId, out var granted) ? granted : new HashSet<string>();
    }

    /// <summary>Checks a change of the grants in one agency; errors keyed by field ("Agency", "Permissions").</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(string clientId, int agencyId, IReadOnlyCollection<string> permissions, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var app = await apps.FindByClientIdAsync(clientId, ct);
        if (app is null) return errors;
        if (!await apps.HasPermissionAsync(app, Permissions.GrantTypes.ClientCredentials, ct))
            errors["Agency"] = text["Only an application that acts for itself (client credentials) can be granted permissions."];
        else if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct) || !ClientAccess.Allows(await ClientAccess.AgenciesAsync(apps, app, ct), agencyId))
            errors["Agency"] = text["The application does not serve this agency."];
        var declared = DeclaredPermissions().Select(d => d.Permission).ToHashSet();
        if (permissions.FirstOrDefault(p => !declared.Contains(p)) is { } unknown)
            errors["Permissions"] = text["“{0}” is not a permission of a running module.", unknown];
        return errors;
    }

    /// <summary>Sets the application's permissions in one agency (checked beforehand); each grant and revocation is audited.</summary>
    public async Task SaveAsync(string clientId, int agencyId, IReadOnlyCollection<string> permissions, CancellationToken ct)
    {
        var app = await apps.FindByClientIdAsync(clientId, ct) ?? throw new InvalidOperationException("Unknown client.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await apps.PopulateAsync(descriptor, app, ct);
        var grants = Read(descriptor.Properties);
        var before = grants.TryGetValue(agencyId, out var had) ? had : [];
        var after = new SortedSet<string>(permissions, StringComparer.Ordinal);
        if (before.SetEquals(after)) return;
        if (after.Count == 0) grants.Remove(agencyId);
        else grants[agencyId] = after;
        descriptor.Properties[GrantsProperty] = JsonSerializer.SerializeToElement(grants.OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Value.ToArray()));
        await apps.UpdateAsync(app, descriptor, ct);
        foreach (var p in after.Except(before)) await audit.WriteAsync("oidc.client.grant", "Client:" + clientId, $"agency {agencyId}: {p}", true, ct);
        foreach (var p in before.Except(after)) await audit.WriteAsync("oidc.client.revoke", "Client:" + clientId, $"agency {agencyId}: {p}", true, ct);
    }

    private static Dictionary<int, SortedSet<string>> Read(IReadOnlyDictionary<string, JsonElement> properties)
    {
        var grants = new Dictionary<int, SortedSet<string>>();
        if (!properties.TryGetValue(GrantsProperty, out var element) || element.ValueKind != JsonValueKind.Object) return grants;
        foreach (var agency in element.EnumerateObject())
        {
            if (!int.TryParse(agency.Name, out var id) || agency.Value.ValueKind != JsonValueKind.Array) continue;
            grants[id] = new SortedSet<string>(agency.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!), StringComparer.Ordinal);
        }
        return grants;
    }
}
