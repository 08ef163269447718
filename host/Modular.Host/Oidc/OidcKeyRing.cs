using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Oidc;

/// <summary>
/// Keeps a set of signing and encryption keys in the database. A key is a self-signed certificate whose
/// validity is the time it signs; OpenIddict signs with the valid key that lasts longest and publishes all
/// of them, so a successor created ahead of time is published before it signs (rollover).
/// </summary>
public sealed class OidcKeyRing(HostDbContext db, IDataProtectionProvider protection, OidcSettings settings, DatabaseLocks locks, TimeProvider clock)
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
    private IDataProtector Protector => protection.CreateProtector("Modular.Oidc.Keys");

    /// <summary>Makes sure a current key exists for each use and that a successor is published before it is needed.</summary>
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Data protection writes its own first key to the database on first use: let it do so before the lock's
        // transaction below holds SQLite's only writer, or it waits for us and fails with "database is locked".
        Protector.Protect([0]);
        // Instances starting together must agree on one key per use, so they decide one at a time.
        await locks.InTransactionAsync(db, DatabaseLocks.OidcKeys, async () =>
        {
            foreach (var use in new[] { Signing, Encryption })
            {
                var keys = await db.OidcKeys.Where(k => k.Use == use && k.NotAfter > now).ToListAsync(ct);
                var current = keys.Where(k => k.NotBefore <= now).MaxBy(k => k.NotAfter);
                if (current is null)
                {
                    db.OidcKeys.Add(Create(use, now, now.AddDays(settings.KeyLifetimeDays), now));
                    continue;
                }
                var hasSuccessor = keys.Any(k => k.NotAfter > current.NotAfter);
                if (!hasSuccessor && current.NotAfter <= now.AddDays(settings.KeyPublishAheadDays * 2))
                {
                    // Published now, signing from shortly before the current key ends.
                    var start = current.NotAfter.AddDays(-Math.Max(1, settings.KeyPublishAheadDays / 2));
                    if (start < now) start = now;
                    db.OidcKeys.Add(Create(use, start, start.AddDays(settings.KeyLifetimeDays), now));
                }
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>Keys still valid or yet to come, as certificates.</summary>
    public IReadOnlyList<X509Certificate2> Load(string use)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.OidcKeys.AsNoTracking().Where(k => k.Use == use && k.NotAfter > now).OrderBy(k => k.NotBefore).ToList()
            .Select(k => X509CertificateLoader.LoadPkcs12(Protector.Unprotect(Convert.FromBase64String(k.ProtectedPfx)), null, X509KeyStorageFlags.EphemeralKeySet))
            .ToList();
    }

    private OidcKey Create(string use, DateTime notBefore, DateTime notAfter, DateTime now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Modular OIDC {(use == Signing ? "signing" : "encryption")} key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(notBefore, TimeSpan.Zero), new DateTimeOffset(notAfter, TimeSpan.Zero));
        var pfx = certificate.Export(X509ContentType.Pkcs12);
        return new OidcKey
        {
            Use = use,
            NotBefore = notBefore,
            NotAfter = notAfter,
            CreatedAt = now,
            ProtectedPfx = Convert.ToBase64String(Protector.Protect(pfx)),
        };
    }
}
