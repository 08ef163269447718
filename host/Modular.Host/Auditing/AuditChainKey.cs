using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Auditing;

/// <summary>Which key links the lines: lines with an id above <see cref="KeyedAfterId"/> carry <see cref="Key"/>.</summary>
public sealed record AuditKeyState(byte[]? Key, long KeyedAfterId, bool Configured)
{
    public byte[]? KeyFor(long entryId) => entryId > KeyedAfterId ? Key : null;
}

/// <summary>
/// The audit chain's key. A key set in <c>Security:AuditChainKey</c> (kept outside the database) is honoured for every
/// line, as before. Otherwise the portal generates one the first time it starts, under the chain's lock, and keeps it
/// in the database protected like the OIDC keys; the lines already there stay unkeyed and verify as they did.
/// </summary>
public sealed class AuditChainKey(IConfiguration configuration, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly byte[]? _configured = configuration["Security:AuditChainKey"] is { Length: > 0 } k ? System.Text.Encoding.UTF8.GetBytes(k) : null;
    private AuditKeyState? _cached;
    private IDataProtector Protector => protection.CreateProtector("Modular.Audit.ChainKey");

    /// <summary>The key state as stored, never creating one (the verifier).</summary>
    public async Task<AuditKeyState> ReadAsync(HostDbContext db, CancellationToken ct) => (await LoadAsync(db, null, ct)).State;

    /// <summary>Whether the key is known in memory (nothing to read or generate).</summary>
    public bool Known => _configured is not null || _cached is not null;

    /// <summary>
    /// A fresh key and its protected form, made before the chain's transaction opens: protecting may write Data
    /// Protection's own key to the database, which SQLite's single writer would refuse inside that transaction.
    /// </summary>
    public (byte[] Key, string Protected) NewKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return (key, Convert.ToBase64String(Protector.Protect(key)));
    }

    /// <summary>
    /// The key state (from memory once known). With a candidate key (the caller holds the chain's lock inside a
    /// transaction) a missing key is generated and saved in that transaction; <c>Created</c> says so, and the caller
    /// calls <see cref="Remember"/> once it has committed. Without it, a database without a key answers "no key".
    /// </summary>
    /// <param name="candidate">Saved as the chain's key if the database has none yet; null: do not create one.</param>
    public async Task<(AuditKeyState State, bool Created)> LoadAsync(HostDbContext db, (byte[] Key, string Protected)? candidate, CancellationToken ct)
    {
        if (_configured is not null) return (_cached ??= new AuditKeyState(_configured, 0, true), false);
        if (_cached is not null) return (_cached, false);
        var row = await db.AuditKeys.AsNoTracking().OrderBy(k => k.Id).FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            var stored = new AuditKeyState(Protector.Unprotect(Convert.FromBase64String(row.ProtectedKey)), row.KeyedAfterId, false);
            _cached = stored;
            return (stored, false);
        }
        if (candidate is not { } fresh) return (new AuditKeyState(null, long.MaxValue, false), false);
        row = new AuditKey
        {
            ProtectedKey = fresh.Protected,
            KeyedAfterId = await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return (new AuditKeyState(fresh.Key, row.KeyedAfterId, false), true);
    }

    /// <summary>Keeps a generated key in memory once the transaction that saved it has committed.</summary>
    public void Remember(AuditKeyState state) => _cached = state;
}
