using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Modular.Sdk;

/// <summary>
/// Base of every module's DbContext. Rows that implement <see cref="IAgencyOwned"/> are filtered
/// to the current agency in every query and stamped with it when added; a change to another
/// agency's row is refused. Rows that implement <see cref="IVersioned"/> get an optimistic
/// concurrency token. Modules cannot forget either rule because they live here.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private readonly ICurrentAgency _agency;

    /// <summary>A context of the current request's agency.</summary>
    /// <param name="options">The options the host configured (<see cref="IModuleDatabase"/>).</param>
    /// <param name="agency">The agency whose rows the context sees and stamps.</param>
    protected ModuleDbContext(DbContextOptions options, ICurrentAgency agency) : base(options)
    {
        _agency = agency;
    }

    /// <summary>Used by the query filter; null matches nothing, so a request without an agency sees no rows.</summary>
    public int? CurrentAgencyId => _agency.Id;

    /// <summary>
    /// Whether the module's <see cref="DateTime"/> properties are the agency's wall-clock times (an activity from 9:00 to
    /// 11:30, a test's window) rather than instants. When true, PostgreSQL keeps them as <c>timestamp without time zone</c>
    /// and takes values of any <see cref="DateTime.Kind"/>; SQLite stores them the same either way. A module overrides it
    /// with <c>protected override bool WallClockDateTimes => true;</c>; instants belong in <see cref="DateTimeOffset"/> or
    /// UTC <see cref="DateTime"/> of a module that leaves it false. Since 1.6.0.
    /// </summary>
    protected virtual bool WallClockDateTimes => false;

    /// <summary>Applies <see cref="WallClockDateTimes"/>. Call <c>base.ConfigureConventions</c> first in an override.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (WallClockDateTimes && Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }

    /// <summary>
    /// Adds the agency filter, index and check to every <see cref="IAgencyOwned"/> entity and the token to every
    /// <see cref="IVersioned"/> one. Call <c>base.OnModelCreating</c> at the end of an override, after the entities.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (entity.BaseType is not null) continue;
            var clr = entity.ClrType;
            if (typeof(IAgencyOwned).IsAssignableFrom(clr))
            {
                modelBuilder.Entity(clr).HasQueryFilter(BuildAgencyFilter(clr));
                modelBuilder.Entity(clr).HasIndex(nameof(IAgencyOwned.AgencyId));
                // Updates and deletes then say "... AND AgencyId = <current agency>" (see CheckAgency).
                modelBuilder.Entity(clr).Property(nameof(IAgencyOwned.AgencyId)).IsConcurrencyToken();
            }
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                modelBuilder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    private LambdaExpression BuildAgencyFilter(Type clr)
    {
        // e => (int?)e.AgencyId == this.CurrentAgencyId ; EF re-binds "this" to each context instance.
        var e = Expression.Parameter(clr, "e");
        var left = Expression.Convert(Expression.Property(e, nameof(IAgencyOwned.AgencyId)), typeof(int?));
        var right = Expression.Property(Expression.Constant(this), nameof(CurrentAgencyId));
        return Expression.Lambda(Expression.Equal(left, right), e);
    }

    /// <summary>Stamps and checks the agency of changed rows and bumps concurrency tokens, then saves.</summary>
    /// <exception cref="AgencyScopeException">A change without a current agency, or to another agency's row.</exception>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyRules();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Stamps and checks the agency of changed rows and bumps concurrency tokens, then saves.</summary>
    /// <exception cref="AgencyScopeException">A change without a current agency, or to another agency's row.</exception>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplyRules();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyRules()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IAgencyOwned owned) CheckAgency(entry, owned);
        }
        ConcurrencyStamps.Bump(ChangeTracker);
    }

    private void CheckAgency(EntityEntry entry, IAgencyOwned owned)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached) return;
        var current = CurrentAgencyId
            ?? throw new AgencyScopeException("没有当前单位，不能保存单位数据。");
        if (entry.State == EntityState.Added)
        {
            if (owned.AgencyId == 0) owned.AgencyId = current;
            else if (owned.AgencyId != current) throw new AgencyScopeException("不能为其他单位新增数据。");
            return;
        }
        var agencyProperty = entry.Property(nameof(IAgencyOwned.AgencyId));
        if ((int)agencyProperty.OriginalValue! != current || owned.AgencyId != current)
            throw new AgencyScopeException("不能修改其他单位的数据。");
        // An entity attached from outside a query (a stub, a posted form) claims its own agency; the
        // statement itself must not trust that: it only touches a row that really is the current agency's.
        agencyProperty.OriginalValue = current;
    }
}

/// <summary>Advances the concurrency token of every added or modified <see cref="IVersioned"/> row (any DbContext may call it before saving).</summary>
public static class ConcurrencyStamps
{
    /// <summary>Sets added rows to version 1 and advances modified ones.</summary>
    public static void Bump(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<IVersioned>())
        {
            if (e.State == EntityState.Added) e.Entity.Version = 1;
            else if (e.State == EntityState.Modified) e.Entity.Version++;
        }
    }
}

/// <summary>A row with an optimistic concurrency token: a stale edit fails with DbUpdateConcurrencyException.</summary>
public interface IVersioned
{
    /// <summary>The row's version: 1 when added, one more on each save; a form posts back the version it read.</summary>
    long Version { get; set; }
}

/// <summary>A save that would cross agencies: no current agency, or a row of another agency.</summary>
/// <param name="message">A Chinese sentence saying which.</param>
public sealed class AgencyScopeException(string message) : InvalidOperationException(message);
