using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Plugins.Packages;

namespace Modular.Host.Plugins;

/// <summary>The runtime's migration locks and history tables, on the host's database and under its locks.</summary>
public sealed class HostPluginDatabase(DatabaseSettings settings, DatabaseLocks locks) : IPluginDatabase
{
    public Task<IAsyncDisposable> HoldMigrationsAsync(string moduleId, CancellationToken ct = default) =>
        locks.HoldAsync(DatabaseLocks.Migrations(moduleId), ct: ct);

    public string HistoryTable(string moduleId) => ModuleDatabase.HistoryTable(moduleId);

    public void ConfigureMaintenance(DbContextOptionsBuilder options, string moduleId) =>
        settings.Apply(options, ModuleDatabase.HistoryTable(moduleId));
}

/// <summary>The security administrator's list of publishers, read from the host's table (a context of its own: it is read at start too).</summary>
public sealed class HostPublisherStore(DatabaseSettings settings) : IPublisherStore
{
    public async Task<IReadOnlyList<PublisherKey>> ListAsync(CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<HostDbContext>();
        settings.Apply(options);
        await using var db = new HostDbContext(options.Options);
        return await db.PluginPublishers.AsNoTracking().Select(p => new PublisherKey { Name = p.Name, PublicKey = p.PublicKey }).ToListAsync(ct);
    }
}
