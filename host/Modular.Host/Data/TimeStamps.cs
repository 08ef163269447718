using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Modular.Host.Data;

/// <summary>A row that records when it was made: stamped from the host's clock when first saved (<see cref="TimeStampInterceptor"/>).</summary>
public interface ICreatedAt
{
    DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Stamps new rows (<see cref="ICreatedAt"/>) with the host's <see cref="TimeProvider"/> instead of property
/// initialisers reading the wall clock, so that tests on a fake clock see the stamps they expect. A stamp set by the
/// code that made the row stays. Registered before the audit interceptor, so the audit records the stamp.
/// </summary>
public sealed class TimeStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<ICreatedAt>())
            if (entry.State == EntityState.Added && entry.Entity.CreatedAt == default) entry.Entity.CreatedAt = now;
    }
}
