using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Tenancy;
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

/// <summary>A context of the host's own, outside the container (at start, and for the runtime's reads of its tables).</summary>
internal static class HostContexts
{
    public static HostDbContext Open(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<HostDbContext>();
        settings.Apply(options);
        return new HostDbContext(options.Options);
    }
}

/// <summary>
/// The security administrator's list of publishers, in the host's table. Read with a context of its own (it is read at
/// start too); written, once the container exists, through a request scope's context, whose changes the audit records.
/// </summary>
public sealed class HostPublisherStore(DatabaseSettings settings, IServiceScopeFactory? scopes = null) : IPublisherStore
{
    public async Task<IReadOnlyList<PublisherKey>> ListAsync(CancellationToken ct = default)
    {
        await using var db = HostContexts.Open(settings);
        return await db.PluginPublishers.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new PublisherKey { Id = p.Id, Name = p.Name, PublicKey = p.PublicKey, AddedBy = p.AddedBy, AddedAt = p.AddedAt }).ToListAsync(ct);
    }

    public async Task<PublisherKey> AddAsync(PublisherKey publisher, CancellationToken ct = default)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var row = new PluginPublisher
        {
            Name = publisher.Name,
            PublicKey = publisher.PublicKey,
            KeyId = PackageFormat.KeyId(Convert.FromBase64String(publisher.PublicKey)),
            AddedBy = publisher.AddedBy,
            AddedAt = publisher.AddedAt ?? default,
        };
        db.PluginPublishers.Add(row);
        await db.SaveChangesAsync(ct);
        return Key(row);
    }

    public async Task<PublisherKey?> RemoveAsync(int id, CancellationToken ct = default)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var row = await db.PluginPublishers.FindAsync([id], ct);
        if (row is null) return null;
        db.PluginPublishers.Remove(row);
        await db.SaveChangesAsync(ct);
        return Key(row);
    }

    private IServiceScopeFactory Scopes => scopes ?? throw new InvalidOperationException("The list of publishers is changed through the container's store.");

    private static PublisherKey Key(PluginPublisher row) =>
        new() { Id = row.Id, Name = row.Name, PublicKey = row.PublicKey, AddedBy = row.AddedBy, AddedAt = row.AddedAt };
}

/// <summary>The shared packages' tables and locks on the host's database.</summary>
public sealed class HostPackageStore(DatabaseSettings settings, DatabaseLocks locks, string instance) : IPackageStore
{
    public bool Shared => settings.IsPostgreSql;
    public string Instance => instance;

    public IPackageSession Open() => new HostPackageSession(HostContexts.Open(settings), locks, owned: true);

    public Task<IAsyncDisposable> HoldInstallsAsync(CancellationToken ct = default) =>
        locks.HoldAsync(DatabaseLocks.PluginInstalls, LockReach.ThisInstance, ct);

    public Task<IAsyncDisposable> HoldPackagesAsync(CancellationToken ct = default) =>
        locks.HoldAsync(DatabaseLocks.PluginPackages, ct: ct);
}

/// <summary>A unit of work on the packages' tables: a request's context (audited), or one of its own at start.</summary>
public sealed class HostPackageSession(HostDbContext db, DatabaseLocks locks, bool owned = false) : IPackageSession
{
    public IQueryable<PluginPackage> Packages => db.PluginPackages;

    public async Task<PluginPackage?> FindAsync(string pluginId, CancellationToken ct = default) => await db.PluginPackages.FindAsync([pluginId], ct);

    public void Add(PluginPackage row) => db.PluginPackages.Add(row);

    public async Task FreshAsync(PluginPackage row, CancellationToken ct = default)
    {
        // Only a row not changed here yet; a changed one still meets the concurrency stamp when saved.
        if (db.Entry(row).State == EntityState.Unchanged) await db.Entry(row).ReloadAsync(ct);
    }

    public void RecordState(string pluginId, string instance, string? runningVersion, string? failure, DateTime at)
    {
        var state = db.PluginInstanceStates.Local.FirstOrDefault(s => s.PluginId == pluginId && s.Instance == instance)
            ?? db.PluginInstanceStates.Find(pluginId, instance);
        if (state is null) db.PluginInstanceStates.Add(state = new PluginInstanceState { PluginId = pluginId, Instance = instance });
        state.RunningVersion = runningVersion;
        state.Failure = failure is { Length: > 2000 } f ? f[..2000] : failure;
        state.At = at;
    }

    public Task LoadStatesAsync(string instance, CancellationToken ct = default) =>
        db.PluginInstanceStates.Where(s => s.Instance == instance).LoadAsync(ct);

    public Task SaveAsync(CancellationToken ct = default) => db.SaveChangesAsync(ct);

    public Task<bool> InTransactionAsync(Func<Task<bool>> work, CancellationToken ct = default) =>
        locks.InTransactionAsync(db, DatabaseLocks.PluginPackages, work, ct);

    public ValueTask DisposeAsync() => owned ? db.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>The runtime's events on the audit chain: by the signed-in user, from their address, unless the portal did it.</summary>
public sealed class HostPluginAudit(AuditWriter audit, IHttpContextAccessor http) : IPluginAudit
{
    public Task AppendAsync(IReadOnlyList<PluginAuditEvent> events, CancellationToken ct = default)
    {
        var user = new CurrentUser(http);
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return audit.AppendAsync([.. events.Select(e => e.BySystem
            ? new AuditRecord(e.Action, e.Target, e.Details, e.Success, null, "system", null, null)
            : new AuditRecord(e.Action, e.Target, e.Details, e.Success, user.Id, user.UserName, null, address))], ct);
    }
}
