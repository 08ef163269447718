using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Modular.Sdk;

namespace Modular.Host.Auditing;

/// <summary>
/// Records every create, update and delete made through the host's or a module's DbContext: which row,
/// which fields changed (personal data masked, confidential content named but not copied), by whom, in which agency, from where. Modules get this
/// without writing a line.
/// </summary>
public sealed class AuditInterceptor(AuditWriter writer, AuditContext context, ModularOptions options) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Skipped = ["Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash"];
    private readonly ConditionalWeakTable<DbContext, List<Pending>> _pending = new();
    // Lines of changes saved inside an explicit transaction wait for its commit: SQLite has one writer, and
    // an audit line must not outlive a rolled-back change anyway.
    // Kept by transaction, not by context: a context that joined another's transaction (the file store deleting
    // within a module's unit of work) has its lines written at that transaction's commit.
    private readonly ConditionalWeakTable<DbTransaction, List<AuditRecord>> _deferred = new();

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FlushAsync(eventData.Context, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null) _pending.Remove(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    private void Capture(DbContext? db)
    {
        if (db is null || !options.AuditDataChanges || AuditSuppression.Active) return;
        var list = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!IsAudited(entry.Metadata.ClrType)) continue;
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                // Bytes (a shared plugin package) are audited by the events that name them, not copied into the log.
                if (p.Metadata.IsPrimaryKey() || Skipped.Contains(p.Metadata.Name) || p.Metadata.ClrType == typeof(byte[])) continue;
                if (entry.State == EntityState.Modified && !p.IsModified) continue;
                if (entry.State == EntityState.Modified && Equals(p.OriginalValue, p.CurrentValue)) continue;
                var personal = p.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>();
                // Confidential content: the line says the field was set or changed, never what it says.
                var confidential = p.Metadata.PropertyInfo?.IsDefined(typeof(ConfidentialAttribute)) == true;
                object? Shown(object? v) =>
                    confidential ? (v is null or "" ? null : ConfidentialAttribute.Placeholder)
                    : personal is null ? v : Mask.Apply(personal.Kind, v?.ToString());
                changes[p.Metadata.Name] = entry.State switch
                {
                    EntityState.Added => [Shown(p.CurrentValue)],
                    EntityState.Deleted => [Shown(p.OriginalValue)],
                    _ => [Shown(p.OriginalValue), Shown(p.CurrentValue)],
                };
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            list.Add(new Pending(entry, action, changes));
        }
        _pending.AddOrUpdate(db, list);
    }

    private async Task FlushAsync(DbContext? db, CancellationToken ct)
    {
        if (db is null || !_pending.TryGetValue(db, out var list)) return;
        _pending.Remove(db);
        if (list.Count == 0) return;
        var prefix = db is IAuditedAs named ? named.AuditName : db.GetType().Name.Replace("DbContext", "", StringComparison.Ordinal);
        var records = list.Select(p =>
        {
            var key = string.Join(",", p.Entry.Metadata.FindPrimaryKey()?.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue) ?? []);
            var target = $"{prefix}.{p.Entry.Metadata.ClrType.Name}#{key}";
            return context.Record(p.Action, target, p.Changes.Count == 0 ? null : JsonSerializer.Serialize(p.Changes, Json));
        }).ToList();
        if (db.Database.CurrentTransaction is { } transaction)
        {
            _deferred.GetOrCreateValue(transaction.GetDbTransaction()).AddRange(records);
            return;
        }
        await writer.AppendAsync(records, ct);
    }

    /// <summary>Writes what a committed transaction deferred.</summary>
    public async Task CommittedAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (!_deferred.TryGetValue(transaction, out var records)) return;
        _deferred.Remove(transaction);
        await writer.AppendAsync(records, ct);
    }

    public void RolledBack(DbTransaction transaction) => _deferred.Remove(transaction);

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Every entity is audited unless it is a host type marked <see cref="NotAuditedAttribute"/> (the marker says why), or
    /// one of the framework's own stores, which cannot carry the marker.
    /// </summary>
    private static bool IsAudited(Type type) =>
        !(type.Assembly == typeof(AuditInterceptor).Assembly && type.IsDefined(typeof(NotAuditedAttribute), false))
        && !IsFrameworkStore(type);

    private static bool IsFrameworkStore(Type type) =>
        // Tokens and grants are many and carry payloads; sign-ins to clients are audited as events instead.
        type.Name is "OpenIddictEntityFrameworkCoreToken" or "OpenIddictEntityFrameworkCoreAuthorization"
        // Identity's roles, claims, logins and tokens: changes of rights are audited as named events.
        || type.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
        // Data protection's key ring.
        || type.Name.StartsWith("DataProtection", StringComparison.Ordinal);
}

/// <summary>
/// Bulk work that is audited as one event instead of a line per row (a module's demo data): changes saved
/// inside <see cref="Begin"/> on this async flow are not recorded row by row; the caller writes the event.
/// </summary>
public static class AuditSuppression
{
    private static readonly AsyncLocal<bool> Flag = new();

    public static bool Active => Flag.Value;

    public static IDisposable Begin()
    {
        var previous = Flag.Value;
        Flag.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Flag.Value = previous;
    }
}
