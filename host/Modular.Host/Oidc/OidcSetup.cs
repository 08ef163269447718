using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using Modular.Host.Data;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Oidc;

public static class OidcSetup
{
    /// <summary>The portal as an OpenID Connect provider (authorization code + PKCE, refresh, client credentials).</summary>
    public static void AddModularOidc(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection("Oidc").Get<OidcSettings>() ?? new OidcSettings();
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<OidcKeyRing>();
        services.AddScoped<OidcPrincipals>();
        services.AddScoped<ClientService>();
        services.AddScoped<ApplicationGrants>();
        services.AddScoped<ApplicationCaller>();

        // Codes, refresh tokens and cookies depend on these keys: every instance must share them.
        var dataProtection = services.AddDataProtection().SetApplicationName("Modular").PersistKeysToDbContext<HostDbContext>();
        // In production the keys in the database should themselves be encrypted, with a certificate kept elsewhere.
        if (builder.Configuration.GetSection("DataProtection:Certificate").Get<CertificateSetting>() is { Path.Length: > 0 } dpCert)
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(dpCert, builder.Environment.ContentRootPath));

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<HostDbContext>())
            .AddServer(o => ConfigureServer(o, settings, builder.Environment))
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // A revoked token (or withdrawn grant) stops working at once, not when it expires.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
                // Only tokens meant for the module APIs open them.
                o.AddAudiences(OidcScopes.ModulesAudience);
            });

        if (settings.SigningCertificate is not { Path.Length: > 0 } && !builder.Environment.IsDevelopment())
        {
            services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, DatabaseKeys>();
            services.AddSingleton<KeyRingRefresh>();
            services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<KeyRingRefresh>());
            // The validation side takes its keys from the server's options: it is rebuilt with them.
            services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>>(sp => sp.GetRequiredService<KeyRingRefresh>());
        }
    }

    /// <summary>Creates the database key ring's keys before the first request, when the keys come from the database.</summary>
    public static async Task EnsureOidcKeysAsync(this WebApplication app)
    {
        if (app.Services.GetService<KeyRingRefresh>() is { } refresh) await refresh.EnsureKeysAsync();
    }

    /// <summary>The endpoints, flows, scopes, token lifetimes and keys of the portal's OpenID Connect server.</summary>
    private static void ConfigureServer(OpenIddictServerBuilder o, OidcSettings settings, IWebHostEnvironment environment)
    {
        o.SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris("connect/token")
            .SetUserInfoEndpointUris("connect/userinfo")
            .SetEndSessionEndpointUris("connect/endsession")
            .SetRevocationEndpointUris("connect/revoke")
            .SetIntrospectionEndpointUris("connect/introspect");
        o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
            .AllowRefreshTokenFlow()
            .AllowClientCredentialsFlow();
        o.RegisterScopes(OidcScopes.All.Select(s => s.Scope).ToArray());
        o.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.Role,
            OidcClaims.AgencyId, OidcClaims.AgencyName, OidcClaims.AgencyRole);
        o.SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.AccessTokenMinutes));
        o.SetRefreshTokenLifetime(TimeSpan.FromDays(settings.RefreshTokenDays));
        // PKCE with S256 only: "plain" gives no protection against a stolen code.
        o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

        if (settings.SigningCertificate is { Path.Length: > 0 } sig)
        {
            o.AddSigningCertificate(LoadCertificate(sig, environment.ContentRootPath));
            o.AddEncryptionCertificate(LoadCertificate(settings.EncryptionCertificate ?? sig, environment.ContentRootPath));
        }
        else if (environment.IsDevelopment())
        {
            o.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        // Otherwise the key ring in the database supplies them (DatabaseKeys below).

        var aspNet = o.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            .EnableStatusCodePagesIntegration();
        if (!settings.RequireHttps) aspNet.DisableTransportSecurityRequirement();
    }

    private static X509Certificate2 LoadCertificate(CertificateSetting setting, string contentRoot) =>
        X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(contentRoot, setting.Path), setting.Password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>
    /// Every few hours makes sure the key ring has its keys (a successor created by this or another instance is
    /// published and, when due, signs), then has OpenIddict's options built again so that they read it, without a
    /// restart. The database work is awaited here, so building the options only reads keys that exist.
    /// </summary>
    public sealed class KeyRingRefresh : IOptionsChangeTokenSource<OpenIddictServerOptions>,
        IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>, IDisposable
    {
        private CancellationTokenSource _changed = new();
        private readonly IServiceScopeFactory _scopes;
        private readonly ILogger<KeyRingRefresh> _logger;
        private readonly ITimer _timer;

        public KeyRingRefresh(OidcSettings settings, TimeProvider clock, IServiceScopeFactory scopes, ILogger<KeyRingRefresh> logger)
        {
            _scopes = scopes;
            _logger = logger;
            var every = TimeSpan.FromHours(Math.Max(1, settings.KeyRefreshHours));
            _timer = clock.CreateTimer(_ => _ = RefreshAsync(), null, every, every);
        }

        public string Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

        /// <summary>Creates the keys that are due, then has the options read the ring again.</summary>
        public async Task RefreshAsync(CancellationToken ct = default)
        {
            try
            {
                await EnsureKeysAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The keys in use stay valid; the next refresh tries again.
                _logger.LogError(e, "The OIDC key ring could not be renewed.");
            }
            var old = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            old.Cancel();
            old.Dispose();
        }

        /// <summary>Makes sure a current key and, when due, its successor exist (at start, before the first request).</summary>
        public async Task EnsureKeysAsync(CancellationToken ct = default)
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OidcKeyRing>().EnsureAsync(ct);
        }

        public void Dispose()
        {
            _timer.Dispose();
            _changed.Dispose();
        }
    }

    /// <summary>
    /// Adds the database key ring to OpenIddict whenever its options are built. The keys were made beforehand
    /// (<see cref="KeyRingRefresh.EnsureKeysAsync"/> at start and at each refresh); this only reads them.
    /// </summary>
    private sealed class DatabaseKeys(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            using var scope = scopes.CreateScope();
            var ring = scope.ServiceProvider.GetRequiredService<OidcKeyRing>();
            foreach (var certificate in ring.Load(OidcKeyRing.Signing))
                options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
            foreach (var certificate in ring.Load(OidcKeyRing.Encryption))
                options.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
