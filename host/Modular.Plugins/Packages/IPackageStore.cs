namespace Modular.Plugins.Packages;

/// <summary>
/// What the runtime needs of the host's database to share packages between instances (PostgreSQL, several instances);
/// implemented by the host, whose tables and locks they are.
/// </summary>
public interface IPackageStore
{
    /// <summary>Several instances share the database, and with it the packages; on SQLite (one instance) the plugins folder alone holds the state.</summary>
    bool Shared { get; }

    /// <summary>This instance's name, under which it records what it made of each shared package.</summary>
    string Instance { get; }

    /// <summary>A unit of work on a context of its own, outside the container (at start).</summary>
    IPackageSession Open();

    /// <summary>One install, upgrade or uninstall at a time on this instance (the package watcher takes it too); held until disposed.</summary>
    Task<IAsyncDisposable> HoldInstallsAsync(CancellationToken ct = default);

    /// <summary>The packages' lock across every instance, held until disposed: rows change, and are applied at a start, under it.</summary>
    Task<IAsyncDisposable> HoldPackagesAsync(CancellationToken ct = default);
}

/// <summary>One unit of work on the shared packages' tables: rows tracked until <see cref="SaveAsync"/>.</summary>
public interface IPackageSession : IAsyncDisposable
{
    /// <summary>The packages, tracked (use <c>AsNoTracking</c> to only read).</summary>
    IQueryable<PluginPackage> Packages { get; }

    /// <summary>The package of this plugin id, tracked, or null.</summary>
    Task<PluginPackage?> FindAsync(string pluginId, CancellationToken ct = default);

    /// <summary>Adds a new package row (saved with the next <see cref="SaveAsync"/>).</summary>
    void Add(PluginPackage row);

    /// <summary>Reads an unchanged row again (under the lock: an instance starting meanwhile may have applied what was staged); a changed one still meets its concurrency stamp when saved.</summary>
    Task FreshAsync(PluginPackage row, CancellationToken ct = default);

    /// <summary>Writes what an instance made of a package: the version it runs, or why not (saved with the next <see cref="SaveAsync"/>).</summary>
    void RecordState(string pluginId, string instance, string? runningVersion, string? failure, DateTime at);

    /// <summary>Loads the states an instance recorded, so that <see cref="RecordState"/> updates them rather than adding.</summary>
    Task LoadStatesAsync(string instance, CancellationToken ct = default);

    /// <summary>Saves what changed.</summary>
    Task SaveAsync(CancellationToken ct = default);

    /// <summary>Runs <paramref name="work"/> in a transaction holding the packages' lock; commits when it says so, else rolls back.</summary>
    Task<bool> InTransactionAsync(Func<Task<bool>> work, CancellationToken ct = default);
}
