using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>An agency's change stamp (table dir_change): one more on every save of the agency's data, in the same transaction.</summary>
public sealed class AgencyChange
{
    public int AgencyId { get; set; }
    public long Stamp { get; set; }
}

/// <summary>
/// Bumps the change stamp of every agency whose rows a transaction adds, changes or deletes, right before it commits (one
/// is begun for a save when the caller has none), so that a stamp never moves without its data nor the data without its
/// stamp — on every instance. Added to every context of the host and the modules; runs after the audit's interceptor.
/// Saves only note the agencies, by the ADO transaction, so contexts sharing one transaction (the file store, a transfer's
/// modules) are bumped once by whichever commits it. The stamp rows are locked only from the bump to the commit: an
/// agency's saves do not queue on its row while a transaction is still at work (200 exam starts ran PostgreSQL's pool dry).
/// No deadlock comes of it: a transaction at its bumps waits only on stamp rows, which every transaction takes last and in
/// agency order, so no cycle can close.
/// Rows count as an agency's when they are <see cref="IAgencyOwned"/>, carry an AgencyId / FromAgencyId / ToAgencyId,
/// or are the agency itself. ExecuteUpdate/ExecuteDelete bypass it: code using them on data behind a cache bumps by hand.
/// </summary>
public sealed class AgencyChangeInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] AgencyProperties = ["AgencyId", "FromAgencyId", "ToAgencyId"];
    private static readonly HashSet<Type> Ignored = [typeof(AgencyChange), typeof(Auditing.AuditEntry)];
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = new();
    // Stale saves' transactions not yet rolled back: PostgreSQL refuses a rollback while EF still reads the batch's
    // results, so it waits for the context's next save (or its disposal, which rolls back).
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _stale = new();
    // The agencies each open transaction touched, in agency order. Keyed by the ADO transaction, which Npgsql reuses
    // for the connection's next one: cleared when a transaction starts, commits, fails or rolls back.
    private readonly ConditionalWeakTable<DbTransaction, SortedSet<int>> _pending = new();
    private long _generation;

    /// <summary>Grows after every commit of agency data in this process: a request re-reads stamps it read before one.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public const string BumpSql = """
        INSERT INTO dir_change ("AgencyId", "Stamp") VALUES ({0}, 1)
        ON CONFLICT ("AgencyId") DO UPDATE SET "Stamp" = dir_change."Stamp" + 1
        """;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } stale) RollBackStale(stale);
        if (eventData.Context is not { } db || ChangedAgencies(db) is not { Count: > 0 } agencies) return result;
        if (db.Database.CurrentTransaction is null) _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        Note(db, agencies);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } stale) RollBackStale(stale);
        if (eventData.Context is not { } db || ChangedAgencies(db) is not { Count: > 0 } agencies) return result;
        if (db.Database.CurrentTransaction is null) _owned.AddOrUpdate(db, db.Database.BeginTransaction());
        Note(db, agencies);
        return result;
    }

    // Noted before the save runs: a failed save in a caller's transaction that commits anyway bumps once too many, never too few.
    private void Note(DbContext db, SortedSet<int> agencies) =>
        _pending.GetOrCreateValue(db.Database.CurrentTransaction!.GetDbTransaction()).UnionWith(agencies);

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _owned.TryGetValue(db, out var transaction))
        {
            _owned.Remove(db);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _owned.TryGetValue(db, out var transaction))
        {
            _owned.Remove(db);
            transaction.Commit();
            transaction.Dispose();
        }
        return result;
    }

    // ----- the transaction's end: the bumps last, then the generation once committed -----

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(transaction, out var agencies) && eventData.Context is { } db)
            foreach (var agency in agencies) await db.Database.ExecuteSqlRawAsync(BumpSql, [agency], cancellationToken);
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_pending.TryGetValue(transaction, out var agencies) && eventData.Context is { } db)
            foreach (var agency in agencies) db.Database.ExecuteSqlRaw(BumpSql, [agency]);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending.Remove(transaction)) Interlocked.Increment(ref _generation);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _pending.Remove(result);
        Began(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _pending.Remove(result);
        Began(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Began(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionUsedAsync(DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Began(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Contexts that ever had a transaction: only those need EF asked whether one is open now (asking makes a context set
    // itself up, which a request whose figures are all kept would otherwise not pay).
    private readonly ConditionalWeakTable<DbContext, object> _began = new();

    private void Began(DbContext? db)
    {
        if (db is not null) _began.AddOrUpdate(db, db);
    }

    /// <summary>Whether <paramref name="db"/> is in a transaction now.</summary>
    public bool InTransaction(DbContext db) => _began.TryGetValue(db, out _) && db.Database.CurrentTransaction is not null;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _pending.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    // ----- a save that did not go through: its owned transaction (and so its noted agencies) rolled back -----

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    // A stale version does not reach SaveChangesFailed: EF reports it here, before throwing.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        RollBackOrDefer(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RollBackOrDefer(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // SQLite must let go of its writer lock at once (the page goes on to read and others wait to write); PostgreSQL
    // cannot roll back under the open reader, and its uncommitted stamp is invisible to everyone else meanwhile.
    private void RollBackOrDefer(DbContext? db)
    {
        if (db is null || !_owned.TryGetValue(db, out var transaction)) return;
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true) { RollBack(db); return; }
        _owned.Remove(db);
        _stale.AddOrUpdate(db, transaction);
    }

    private void RollBackStale(DbContext db)
    {
        if (!_stale.TryGetValue(db, out var transaction)) return;
        _stale.Remove(db);
        transaction.Rollback();
        transaction.Dispose();
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void RollBack(DbContext? db)
    {
        if (db is null || !_owned.TryGetValue(db, out var transaction)) return;
        _owned.Remove(db);
        // The caller's save failed (a stale version, a broken rule): its stamp goes with it.
        transaction.Rollback();
        transaction.Dispose();
    }

    /// <summary>The agencies whose rows this save touches.</summary>
    public static SortedSet<int>? ChangedAgencies(DbContext db)
    {
        SortedSet<int>? agencies = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var type = entry.Metadata.ClrType;
            if (Ignored.Contains(type)) continue;
            if (entry.Entity is Agency agency)
            {
                // A new agency has no cached figures yet.
                if (entry.State != EntityState.Added) (agencies ??= []).Add(agency.Id);
                continue;
            }
            foreach (var name in AgencyProperties)
            {
                if (entry.Metadata.FindProperty(name) is null) continue;
                var property = entry.Property(name);
                if (property.CurrentValue is int current && current > 0) (agencies ??= []).Add(current);
                if (entry.State == EntityState.Modified && property.OriginalValue is int original && original > 0) (agencies ??= []).Add(original);
            }
        }
        return agencies;
    }
}

/// <summary>The stamps a request has read, once each (again only after a commit in this process).</summary>
public sealed class AgencyStamps(DirectoryDbContext db, AgencyChangeInterceptor changes, StampReader reader)
{
    private readonly Dictionary<int, (long Stamp, long Generation)> _read = [];

    /// <summary>The directory's context is in a transaction: what the request reads may not be committed yet.</summary>
    public bool InTransaction => changes.InTransaction(db);

    public async Task<long> StampAsync(int agencyId, CancellationToken ct)
    {
        var generation = changes.Generation;
        if (_read.TryGetValue(agencyId, out var known) && known.Generation == generation) return known.Stamp;
        var stamp = await reader.ReadAsync(agencyId, ct);
        _read[agencyId] = (stamp, generation);
        return stamp;
    }
}

/// <summary>Values of <see cref="AgencyCache"/> being computed now, so that concurrent requests wait for one computation.</summary>
public sealed class AgencyCacheFlights
{
    internal readonly ConcurrentDictionary<object, Task> Running = new();
}

/// <summary>The host's <see cref="IAgencyCache"/>: values in memory under (agency, key, stamp), computed once per request and once across concurrent requests.</summary>
public sealed class AgencyCache(ICurrentAgency agency, AgencyStamps stamps, IMemoryCache memory, AgencyCacheFlights flights) : IAgencyCache
{
    // Values of an older stamp are never asked for again; they go when unused this long.
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, Task> _thisRequest = [];

    public Task<long> StampAsync(CancellationToken cancellationToken = default) =>
        agency.Id is { } id ? stamps.StampAsync(id, cancellationToken) : Task.FromResult(0L);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default) =>
        await LocateAsync(cancellationToken) is { } at ? await GetOrMakeAsync(at, key, create, cancellationToken) : await create(cancellationToken);

    public async Task<T> GetOrCreateAsync<T>(string key, CachePeriod period, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default)
    {
        if (await LocateAsync(cancellationToken) is not { } at) return await create(cancellationToken);
        var current = $"{key}@{period}";
        // The period has just turned and another request is making its value: the last period's meanwhile, if of this stamp.
        if (flights.Running.ContainsKey(at.MemoryKey<T>(current)) && memory.TryGetValue(at.MemoryKey<T>($"{key}@{period.Previous}"), out T? last)) return last!;
        return await GetOrMakeAsync(at, current, create, cancellationToken);
    }

    /// <summary>Where the current agency's values are kept now: its stamp; null when nothing may be kept.</summary>
    private async Task<Place?> LocateAsync(CancellationToken cancellationToken)
    {
        if (agency.Id is not { } id) return null;
        // Read the stamp before the data: a value is never older than the stamp it is kept under.
        var stamp = await stamps.StampAsync(id, cancellationToken);
        // Within a directory transaction the stamp and data may be uncommitted: a rollback would reuse the stamp's number.
        return stamps.InTransaction ? null : new Place(id, stamp);
    }

    private readonly record struct Place(int AgencyId, long Stamp)
    {
        public object MemoryKey<T>(string key) => (typeof(AgencyCache), AgencyId, key, Stamp, typeof(T));
    }

    private async Task<T> GetOrMakeAsync<T>(Place at, string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        var memoryKey = at.MemoryKey<T>(key);
        if (memory.TryGetValue(memoryKey, out T? cached)) return cached!;
        var requestKey = $"{key}\n{at.Stamp}";
        if (_thisRequest.TryGetValue(requestKey, out var pending) && pending is Task<T> same) return await same;
        var made = CreateOnceAsync(memoryKey, create, cancellationToken);
        _thisRequest[requestKey] = made;
        return await made;
    }

    // After a save many requests ask at once (also when a period turns, if the last period's value is of an older stamp):
    // one computes, the others wait for its value. Should it fail or its request go away, each waiting request computes its own.
    private async Task<T> CreateOnceAsync<T>(object memoryKey, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = flights.Running.GetOrAdd(memoryKey, mine.Task);
        if (running != mine.Task)
        {
            try { return await ((Task<T>)running).WaitAsync(cancellationToken); }
            catch (Exception) when (!cancellationToken.IsCancellationRequested) { return await create(cancellationToken); }
        }
        try
        {
            var value = await create(cancellationToken);
            memory.Set(memoryKey, value, new MemoryCacheEntryOptions { SlidingExpiration = Unused });
            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            // Nobody may be waiting: the failure is the caller's to report, not the finalizer's.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            flights.Running.TryRemove(new KeyValuePair<object, Task>(memoryKey, mine.Task));
        }
    }
}
