using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Modular.Host.Auditing;
using Modular.Host.Localization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

/// <summary>What the platform administrator edits about a client application.</summary>
public sealed class ClientForm
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool Confidential { get; set; } = true;
    public bool FirstParty { get; set; }
    public string RedirectUris { get; set; } = "";
    public string PostLogoutRedirectUris { get; set; } = "";
    public bool AuthorizationCode { get; set; } = true;
    public bool ClientCredentials { get; set; }
    public List<string> Scopes { get; set; } = [];
    public List<int> Agencies { get; set; } = [];
}

/// <summary>Registers, edits and removes client applications; secrets are shown once and stored hashed by OpenIddict.</summary>
public sealed class ClientService(IOpenIddictApplicationManager apps, AuditLog audit, IText text)
{
    public sealed record ClientRow(string ClientId, string DisplayName, bool Confidential, bool FirstParty, int AgencyCount, IReadOnlyList<string> Grants);

    public async Task<IReadOnlyList<ClientRow>> ListAsync(CancellationToken ct)
    {
        var rows = new List<ClientRow>();
        await foreach (var app in apps.ListAsync(count: null, offset: null, ct))
        {
            var permissions = await apps.GetPermissionsAsync(app, ct);
            rows.Add(new ClientRow(
                (await apps.GetClientIdAsync(app, ct))!,
                await apps.GetDisplayNameAsync(app, ct) ?? "",
                await apps.GetClientTypeAsync(app, ct) == ClientTypes.Confidential,
                await apps.GetConsentTypeAsync(app, ct) == ConsentTypes.Implicit,
                (await ClientAccess.AgenciesAsync(apps, app, ct)).Count,
                permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.GrantType.Length..]).ToList()));
        }
        return rows.OrderBy(r => r.ClientId).ToList();
    }

    /// <summary>The application with this client ID; none for an empty one (OpenIddict throws on it), as posted by a tampered form.</summary>
    private async ValueTask<object?> FindAsync(string? clientId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(clientId) ? null : await apps.FindByClientIdAsync(clientId, ct);

    public async Task<ClientForm?> LoadAsync(string? clientId, CancellationToken ct)
    {
        var app = await FindAsync(clientId, ct);
        if (app is null) return null;
        var permissions = await apps.GetPermissionsAsync(app, ct);
        return new ClientForm
        {
            ClientId = clientId!,
            DisplayName = await apps.GetDisplayNameAsync(app, ct) ?? "",
            Confidential = await apps.GetClientTypeAsync(app, ct) == ClientTypes.Confidential,
            FirstParty = await apps.GetConsentTypeAsync(app, ct) == ConsentTypes.Implicit,
            RedirectUris = string.Join('\n', await apps.GetRedirectUrisAsync(app, ct)),
            PostLogoutRedirectUris = string.Join('\n', await apps.GetPostLogoutRedirectUrisAsync(app, ct)),
            AuthorizationCode = permissions.Contains(Permissions.GrantTypes.AuthorizationCode),
            ClientCredentials = permissions.Contains(Permissions.GrantTypes.ClientCredentials),
            Scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList(),
            Agencies = (await ClientAccess.AgenciesAsync(apps, app, ct)).ToList(),
        };
    }

    /// <summary>Checks the form; errors are keyed by field.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(ClientForm form, bool creating, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.DisplayName)) errors["DisplayName"] = text["Please enter the application's name."];
        if (form.ClientId is not { } clientId || !System.Text.RegularExpressions.Regex.IsMatch(clientId, "^[a-z0-9][a-z0-9._-]{2,63}$"))
            errors["ClientId"] = text["The client ID must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores."];
        else if (creating && await apps.FindByClientIdAsync(clientId, ct) is not null)
            errors["ClientId"] = text["Another application already uses this client ID."];
        if (!form.AuthorizationCode && !form.ClientCredentials) errors["Grants"] = text["Choose at least one way to obtain tokens."];
        if (form.ClientCredentials && !form.Confidential) errors["Grants"] = text["Only a confidential application (with a secret) may use client credentials."];
        else if (form.ClientCredentials && form.Agencies.Count == 0) errors["Agencies"] = text["An application acting for itself must be limited to the agencies it serves."];
        foreach (var (field, value, required) in new[] { ("RedirectUris", form.RedirectUris, form.AuthorizationCode), ("PostLogoutRedirectUris", form.PostLogoutRedirectUris, false) })
        {
            var uris = Lines(value);
            if (required && uris.Count == 0) errors[field] = text["Sign-in needs at least one redirect URI."];
            var bad = uris.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Fragment));
            if (bad is not null) errors[field] = text["“{0}” is not an absolute http(s) address without a fragment.", bad];
        }
        if (form.Scopes.Any(s => OidcScopes.All.All(x => x.Scope != s))) errors["Scopes"] = text["Unknown scope."];
        return errors;
    }

    /// <summary>Creates the client; returns its secret (shown once) for a confidential client.</summary>
    public async Task<string?> CreateAsync(ClientForm form, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor { ClientId = form.ClientId };
        var secret = form.Confidential ? NewSecret() : null;
        descriptor.ClientSecret = secret;
        Fill(descriptor, form);
        await apps.CreateAsync(descriptor, ct);
        await audit.WriteAsync("oidc.client.create", "Client:" + form.ClientId, Summary(form), true, ct);
        return secret;
    }

    /// <summary>Saves the changes; returns a new secret when the client has just become confidential.</summary>
    public async Task<string?> UpdateAsync(ClientForm form, CancellationToken ct)
    {
        var app = await apps.FindByClientIdAsync(form.ClientId, ct) ?? throw new InvalidOperationException("Unknown client.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await apps.PopulateAsync(descriptor, app, ct);
        var wasConfidential = descriptor.ClientType == ClientTypes.Confidential;
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.Permissions.Clear();
        descriptor.Requirements.Clear();
        Fill(descriptor, form);
        // A client turning confidential needs a secret; one turning public must lose it.
        string? secret = null;
        if (form.Confidential && !wasConfidential) descriptor.ClientSecret = secret = NewSecret();
        if (!form.Confidential) descriptor.ClientSecret = null;
        await apps.UpdateAsync(app, descriptor, ct);
        await audit.WriteAsync("oidc.client.update", "Client:" + form.ClientId, Summary(form), true, ct);
        return secret;
    }

    public async Task<string?> NewSecretAsync(string? clientId, CancellationToken ct)
    {
        var app = await FindAsync(clientId, ct);
        if (app is null || await apps.GetClientTypeAsync(app, ct) != ClientTypes.Confidential) return null;
        var descriptor = new OpenIddictApplicationDescriptor();
        await apps.PopulateAsync(descriptor, app, ct);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        await apps.UpdateAsync(app, descriptor, ct);
        await audit.WriteAsync("oidc.client.secret", "Client:" + clientId, null, true, ct);
        return secret;
    }

    public async Task<bool> DeleteAsync(string? clientId, CancellationToken ct)
    {
        var app = await FindAsync(clientId, ct);
        if (app is null) return false;
        await apps.DeleteAsync(app, ct);
        await audit.WriteAsync("oidc.client.delete", "Client:" + clientId, null, true, ct);
        return true;
    }

    private static void Fill(OpenIddictApplicationDescriptor d, ClientForm form)
    {
        d.DisplayName = form.DisplayName.Trim();
        d.ClientType = form.Confidential ? ClientTypes.Confidential : ClientTypes.Public;
        d.ConsentType = form.FirstParty ? ConsentTypes.Implicit : ConsentTypes.Explicit;
        foreach (var u in Lines(form.RedirectUris)) d.RedirectUris.Add(new Uri(u));
        foreach (var u in Lines(form.PostLogoutRedirectUris)) d.PostLogoutRedirectUris.Add(new Uri(u));
        d.Permissions.Add(Permissions.Endpoints.Token);
        d.Permissions.Add(Permissions.Endpoints.Revocation);
        if (form.Confidential) d.Permissions.Add(Permissions.Endpoints.Introspection);
        if (form.AuthorizationCode)
        {
            d.Permissions.Add(Permissions.Endpoints.Authorization);
            d.Permissions.Add(Permissions.Endpoints.EndSession);
            d.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            d.Permissions.Add(Permissions.GrantTypes.RefreshToken);
            d.Permissions.Add(Permissions.ResponseTypes.Code);
            d.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        if (form.ClientCredentials) d.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var s in form.Scopes.Where(s => s != OpenIddictConstants.Scopes.OpenId).Distinct())
            d.Permissions.Add(Permissions.Prefixes.Scope + s);
        ClientAccess.SetAgencies(d, form.Agencies);
    }

    private static string Summary(ClientForm f) =>
        $"{(f.Confidential ? "confidential" : "public")}, scopes: {string.Join(' ', f.Scopes)}, agencies: {(f.Agencies.Count == 0 ? "all" : string.Join(',', f.Agencies))}";

    private static List<string> Lines(string? value) =>
        (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
