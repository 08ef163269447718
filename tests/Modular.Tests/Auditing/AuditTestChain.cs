using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

/// <summary>Rewrites links as a test needs them (lines aged or changed on purpose), with the portal's key.</summary>
internal static class AuditTestChain
{
    public static async Task<AuditKeyState> KeyAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Modular.Host.Data.HostDbContext>();
        return await scope.ServiceProvider.GetRequiredService<AuditChainKey>().ReadAsync(db, default);
    }

    /// <summary>Chains every line again (update trigger dropped first by the caller) and, unless told not to, seals the head on the last one.</summary>
    public static async Task RechainAsync(PortalFactory portal, byte[]? key, bool writeHead = true)
    {
        var all = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var previous = AuditChain.Genesis;
        await using var conn = await TestDatabase.OpenAsync(portal.ConnectionString);
        foreach (var e in all)
        {
            e.PreviousHash = previous;
            e.Hash = AuditChain.Compute(e, key);
            previous = e.Hash;
            await using var cmd = TestDatabase.Command(conn, "UPDATE \"AuditEntries\" SET \"PreviousHash\" = @p, \"Hash\" = @h WHERE \"Id\" = @id",
                ("@p", e.PreviousHash), ("@h", e.Hash), ("@id", e.Id));
            await cmd.ExecuteNonQueryAsync();
        }
        if (!writeHead || all.Count == 0) return;
        var head = new AuditCheckpoint { Id = AuditCheckpoint.HeadId, LastEntryId = all[^1].Id, Count = all.Count, LastHash = all[^1].Hash };
        head.Seal = AuditChain.Seal(head, key);
        await using var update = TestDatabase.Command(conn, "UPDATE \"AuditCheckpoints\" SET \"LastEntryId\" = @id, \"Count\" = @c, \"LastHash\" = @h, \"Seal\" = @s",
            ("@id", head.LastEntryId), ("@c", head.Count), ("@h", head.LastHash), ("@s", head.Seal));
        await update.ExecuteNonQueryAsync();
    }
}
