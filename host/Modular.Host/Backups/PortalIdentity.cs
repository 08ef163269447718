using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Backups;

/// <summary>
/// Which portal a database belongs to: one row, made at the first start. A backup carries the id, and a restore refuses
/// another portal's backup (two cities' portals must not overwrite each other by a wrong file).
/// </summary>
[Auditing.NotAudited("Written once at the first start, before anyone signs in; every backup's manifest carries it.")]
public sealed class PortalIdentity
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    [MaxLength(32)] public string PortalId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The portal's id, created (a random one) if the database has none yet.</summary>
    public static async Task<string> EnsureAsync(HostDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.PortalIdentities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == OnlyId, ct) is { } existing) return existing.PortalId;
        var row = new PortalIdentity { PortalId = Guid.NewGuid().ToString("N"), CreatedAt = clock.GetUtcNow() };
        db.PortalIdentities.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row.PortalId;
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment made it first: theirs counts.
            db.ChangeTracker.Clear();
            return (await db.PortalIdentities.AsNoTracking().FirstAsync(p => p.Id == OnlyId, ct)).PortalId;
        }
    }
}
