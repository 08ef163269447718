using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Modular.Host.Data;

/// <summary>Who a lock keeps out: the rest of this instance only, or every instance on the database too.</summary>
public enum LockReach
{
    ThisInstance,
    AllInstances,
}

/// <summary>
/// The one way the host takes turns on the shared database, by name: one holder at a time in this instance and, on
/// PostgreSQL, across the instances that share the database (advisory locks). On SQLite (one instance) the process
/// lock is all there is; a write transaction there also takes the file's one write lock at its start.
/// </summary>
public sealed class DatabaseLocks(DatabaseSettings database)
{
    /// <summary>Every change of rights (memberships and platform roles) is checked and saved under it.</summary>
    public const string AccountRights = "account-rights";
    /// <summary>Appending to the audit chain and pruning it.</summary>
    public const string AuditChain = "audit-chain";
    /// <summary>Deciding the OpenID Connect keys (instances starting together agree on one key per use).</summary>
    public const string OidcKeys = "oidc-keys";
    /// <summary>Changing the shared plugin packages, and applying them at an instance's start.</summary>
    public const string PluginPackages = "modular:plugin-packages";
    /// <summary>One install, upgrade or uninstall at a time on an instance (the package watcher takes it too).</summary>
    public const string PluginInstalls = "plugin-installs";

    /// <summary>One round of the scheduled jobs at a time on an instance.</summary>
    public const string ScheduledJobs = "scheduled-jobs";

    /// <summary>One module's job for one agency: of several instances, one runs it and the others skip it.</summary>
    public static string Job(string moduleId, string name, int agencyId) => $"job:{moduleId}:{name}:{agencyId}";

    /// <summary>Migrating one module: instances starting or installing together take turns, the later ones find nothing to do.</summary>
    public static string Migrations(string moduleId) => "modular:migrate:" + moduleId;

    // Per instance (the container's one DatabaseLocks): two portals in one process are two instances, as in the tests.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction of <paramref name="db"/> holding the lock (released with the
    /// transaction); commits when the work says so, else rolls back. Returns what the work said.
    /// </summary>
    public async Task<bool> InTransactionAsync(DbContext db, string name, Func<Task<bool>> work, CancellationToken ct = default)
    {
        var gate = Gate(name);
        await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (database.IsPostgreSql) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", ct);
            var commit = await work();
            if (commit) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
            return commit;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Holds the lock until disposed, across transactions and connections: for work that is more than one transaction
    /// (migrations, applying packages at start, an install). Across instances it is a session lock on a connection of its own.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAsync(string name, LockReach reach = LockReach.AllInstances, CancellationToken ct = default)
    {
        var gate = Gate(name);
        await gate.WaitAsync(ct);
        try
        {
            var session = reach == LockReach.AllInstances && database.IsPostgreSql ? await SessionLock.AcquireAsync(database.ConnectionString, name, ct) : null;
            return new Held(gate, session);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>As <see cref="HoldAsync"/>, but without waiting: null when someone holds the lock already.</summary>
    public async Task<IAsyncDisposable?> TryHoldAsync(string name, LockReach reach = LockReach.AllInstances, CancellationToken ct = default)
    {
        var gate = Gate(name);
        if (!await gate.WaitAsync(0, ct)) return null;
        try
        {
            SessionLock? session = null;
            if (reach == LockReach.AllInstances && database.IsPostgreSql
                && (session = await SessionLock.TryAcquireAsync(database.ConnectionString, name, ct)) is null)
            {
                gate.Release();
                return null;
            }
            return new Held(gate, session);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private SemaphoreSlim Gate(string name) => _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));

    private sealed class Held(SemaphoreSlim gate, SessionLock? session) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            try
            {
                if (session is not null) await session.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>A PostgreSQL session-level advisory lock, held on its own connection until disposed.</summary>
    private sealed class SessionLock : IAsyncDisposable
    {
        private readonly Npgsql.NpgsqlConnection _connection;
        private readonly string _name;

        private SessionLock(Npgsql.NpgsqlConnection connection, string name) => (_connection, _name) = (connection, name);

        public static async Task<SessionLock> AcquireAsync(string connectionString, string name, CancellationToken ct) =>
            (await LockAsync(connectionString, name, "pg_advisory_lock", ct))!;

        /// <summary>Null when another session holds the lock.</summary>
        public static Task<SessionLock?> TryAcquireAsync(string connectionString, string name, CancellationToken ct) =>
            LockAsync(connectionString, name, "pg_try_advisory_lock", ct);

        private static async Task<SessionLock?> LockAsync(string connectionString, string name, string function, CancellationToken ct)
        {
            var connection = new Npgsql.NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                await using var cmd = new Npgsql.NpgsqlCommand($"SELECT {function}(hashtext(@name))", connection);
                cmd.Parameters.AddWithValue("name", name);
                // pg_advisory_lock returns nothing (void), the try variant whether it got the lock.
                if (await cmd.ExecuteScalarAsync(ct) is false)
                {
                    await connection.DisposeAsync();
                    return null;
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return new(connection, name);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", _connection);
                cmd.Parameters.AddWithValue("name", _name);
                await cmd.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await _connection.DisposeAsync();
            }
        }
    }
}
