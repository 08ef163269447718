using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Modular.Plugins;

/// <summary>Migrations at start, only when some are pending.</summary>
public static class MigrationsAtStart
{
    /// <summary>
    /// Migrates when the history table lacks one of the context's migrations (or the database is new). An up-to-date
    /// schema costs one read of the history: EF's Migrate would also diff the whole model against the last snapshot,
    /// for every context at every start (the snapshot is checked by the tests instead). When two instances start
    /// together, both may find migrations pending; Migrate's own lock lets one apply them.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if ((await database.GetPendingMigrationsAsync(ct)).Any()) await database.MigrateAsync(ct);
    }
}
