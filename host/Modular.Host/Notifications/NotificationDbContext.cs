using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Notifications;

/// <summary>
/// Notices to members, on the agency-filtered base like a module's data.
/// The table came with the directory's migrations and stays theirs (no data moves): this context maps it and has no
/// migrations of its own (<see cref="MapTables"/> is shared with the directory's context, which creates it).
/// </summary>
public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    /// <summary>The migrations history this context would use; it has none (the directory's create its table).</summary>
    public const string ModuleId = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The notices' table as the directory's migrations created it.</summary>
    public static void MapTables(ModelBuilder modelBuilder, bool excludeFromMigrations = false)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("dir_notification", t => { if (excludeFromMigrations) t.ExcludeFromMigrations(); });
            // A member's list, newest first, and their unread count.
            e.HasIndex(n => new { n.AgencyId, n.MemberId, n.ReadAt });
        });
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        MapTables(modelBuilder, excludeFromMigrations: true);
        base.OnModelCreating(modelBuilder);
    }
}
