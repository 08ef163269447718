using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.Oidc;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Oidc;

/// <summary>Keys kept in the database: created once, shared, rolled over with the successor published first.</summary>
public sealed class OidcKeyTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<HostDbContext> NewDatabaseAsync()
    {
        var file = Path.Combine(PortalFactory.NewWorkDir(), "keys.db");
        var options = new DbContextOptionsBuilder<HostDbContext>();
        new DatabaseSettings($"Data Source={file}").Apply(options);
        var db = new HostDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }

    [PostgreSqlFact]
    public async Task Instances_starting_together_create_one_key_per_use()
    {
        var database = new DatabaseSettings(DatabaseProvider.PostgreSql, TestDatabase.ConnectionString(PortalFactory.NewWorkDir()));
        HostDbContext Open()
        {
            var options = new DbContextOptionsBuilder<HostDbContext>();
            database.Apply(options);
            return new HostDbContext(options.Options);
        }
        await using (var db = Open()) await db.Database.MigrateAsync();
        var protection = new EphemeralDataProtectionProvider();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = Open();
            await new OidcKeyRing(db, protection, new OidcSettings(), new DatabaseLocks(database), TimeProvider.System).EnsureAsync();
        }));
        await using var check = Open();
        Assert.Equal(1, await check.OidcKeys.CountAsync(k => k.Use == OidcKeyRing.Signing));
        Assert.Equal(1, await check.OidcKeys.CountAsync(k => k.Use == OidcKeyRing.Encryption));
    }

    [Fact]
    public async Task A_successor_key_is_published_before_it_signs()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new Clock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var settings = new OidcSettings { KeyLifetimeDays = 365, KeyPublishAheadDays = 14 };
        var ring = new OidcKeyRing(db, new EphemeralDataProtectionProvider(), settings, new DatabaseLocks(new DatabaseSettings("unused")), clock);

        await ring.EnsureAsync();
        await ring.EnsureAsync(); // created once
        Assert.Single(await db.OidcKeys.Where(k => k.Use == OidcKeyRing.Signing).ToListAsync());
        Assert.Single(await db.OidcKeys.Where(k => k.Use == OidcKeyRing.Encryption).ToListAsync());

        // Three weeks before the key ends, a successor appears: published now, signing only later.
        clock.Now = clock.Now.AddDays(365 - 21);
        await ring.EnsureAsync();
        var keys = await db.OidcKeys.Where(k => k.Use == OidcKeyRing.Signing).OrderBy(k => k.NotBefore).ToListAsync();
        Assert.Equal(2, keys.Count);
        Assert.True(keys[1].NotBefore > clock.Now.UtcDateTime, "the successor must not sign yet");
        Assert.True(keys[1].NotBefore < keys[0].NotAfter, "the successor must take over before the current key ends");
        var published = ring.Load(OidcKeyRing.Signing);
        Assert.Equal(2, published.Count);
        Assert.All(published, c => Assert.True(c.HasPrivateKey));

        // After the old key has expired it is no longer published.
        clock.Now = clock.Now.AddDays(30);
        Assert.Single(ring.Load(OidcKeyRing.Signing));
    }

    [Fact]
    public async Task A_due_successor_is_created_and_published_without_a_restart()
    {
        using var portal = new PortalFactory("notes");
        // Keys that live ten days and publish a successor ten days ahead: one is due at the first refresh.
        portal.Settings["Oidc:KeyLifetimeDays"] = "10";
        portal.Settings["Oidc:KeyPublishAheadDays"] = "10";
        var http = portal.NewClient();
        async Task<int> PublishedAsync() => (await http.GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetProperty("keys").GetArrayLength();
        Assert.Equal(1, await PublishedAsync());

        await portal.Services.GetRequiredService<OidcSetup.KeyRingRefresh>().RefreshAsync(); // what the timer does every few hours
        Assert.Equal(2, await PublishedAsync());
        Assert.Equal(2, await portal.WithDbAsync(db => db.OidcKeys.CountAsync(k => k.Use == OidcKeyRing.Signing)));
        // Sign-in and tokens go on working with the rebuilt options.
        var demo = await portal.DemoAgencyIdAsync();
        var secret = await portal.RegisterAsync(new ClientForm
        {
            ClientId = "after-refresh", DisplayName = "密钥轮换后", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [demo],
        });
        await portal.GrantAsync("after-refresh", demo, "notes.view");
        var token = await http.ClientCredentialsTokenAsync("after-refresh", secret!, "modules", demo);
        var api = portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/m/notes/api/notes")).StatusCode);
        await portal.SignedInAsync("member");
    }

    [Fact]
    public async Task The_key_ring_and_data_protection_keys_live_in_the_database()
    {
        using var portal = new PortalFactory();
        var jwks = await portal.NewClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var published = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        var stored = await portal.WithDbAsync(db => db.OidcKeys.Where(k => k.Use == OidcKeyRing.Signing).CountAsync());
        Assert.Equal(stored, published.Count);
        await portal.SignedInAsync("member");
        Assert.True(await portal.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) > 0);
    }
}
