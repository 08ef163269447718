using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;
using Modular.Plugins.Packages;

namespace Modular.Host.Data;

/// <summary>The host's own tables: accounts, agencies, memberships, module switches.</summary>
public class HostDbContext(DbContextOptions<HostDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Oidc.OidcKey> OidcKeys => Set<Oidc.OidcKey>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMembership> AgencyMemberships => Set<AgencyMembership>();
    public DbSet<AgencyModule> AgencyModules => Set<AgencyModule>();
    public DbSet<Auditing.AuditEntry> AuditEntries => Set<Auditing.AuditEntry>();
    public DbSet<Auditing.AuditCheckpoint> AuditCheckpoints => Set<Auditing.AuditCheckpoint>();
    public DbSet<Auditing.AuditKey> AuditKeys => Set<Auditing.AuditKey>();
    public DbSet<Security.PasswordHistoryEntry> PasswordHistory => Set<Security.PasswordHistoryEntry>();
    public DbSet<Feeds.FeedLink> FeedLinks => Set<Feeds.FeedLink>();
    public DbSet<PluginPackage> PluginPackages => Set<PluginPackage>();
    public DbSet<PluginInstanceState> PluginInstanceStates => Set<PluginInstanceState>();
    public DbSet<PluginPublisher> PluginPublishers => Set<PluginPublisher>();
    public DbSet<DemoDataSeed> DemoDataSeeds => Set<DemoDataSeed>();
    public DbSet<Backups.PortalIdentity> PortalIdentities => Set<Backups.PortalIdentity>();
    public DbSet<Oversight.IndicatorOptOut> IndicatorOptOuts => Set<Oversight.IndicatorOptOut>();
    public DbSet<Oversight.CommitteeTask> CommitteeTasks => Set<Oversight.CommitteeTask>();
    public DbSet<Oversight.CommitteeTaskCopy> CommitteeTaskCopies => Set<Oversight.CommitteeTaskCopy>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<Agency>(e =>
        {
            e.HasIndex(a => a.Code).IsUnique();
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<AgencyMembership>(e =>
        {
            e.HasIndex(m => new { m.UserId, m.AgencyId }).IsUnique();
            e.HasIndex(m => m.AgencyId);
            e.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Auditing.AuditEntry>(e =>
        {
            e.HasIndex(a => a.Time);
            e.HasIndex(a => a.UserName);
            e.HasIndex(a => a.Action);
            e.HasIndex(a => a.AgencyId);
        });
        builder.Entity<Auditing.AuditCheckpoint>(e => e.Property(c => c.Id).ValueGeneratedNever());
        builder.Entity<Security.PasswordHistoryEntry>(e => e.HasIndex(h => h.UserId));
        builder.Entity<Feeds.FeedLink>(e =>
        {
            e.HasIndex(l => l.TokenHash).IsUnique();
            e.HasIndex(l => new { l.UserId, l.AgencyId });
            e.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PluginPackage>(e => e.Property(p => p.Version).IsConcurrencyToken());
        builder.Entity<PluginInstanceState>(e => e.HasKey(s => new { s.PluginId, s.Instance }));
        builder.Entity<PluginPublisher>(e => e.HasIndex(p => p.KeyId).IsUnique());
        builder.Entity<AgencyModule>(e =>
        {
            e.HasIndex(m => new { m.AgencyId, m.ModuleId }).IsUnique();
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DemoDataSeed>(e =>
        {
            e.HasKey(d => new { d.AgencyId, d.ModuleId });
            e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Oversight.IndicatorOptOut>(e =>
        {
            e.HasKey(o => new { o.AgencyId, o.ModuleId });
            e.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Oversight.CommitteeTaskCopy>(e =>
        {
            e.HasIndex(c => new { c.AgencyId, c.TaskId }).IsUnique();
            e.HasOne(c => c.Task).WithMany(t => t.Copies).HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<Backups.PortalIdentity>(e =>
        {
            e.ToTable("PortalIdentity");
            e.Property(p => p.Id).ValueGeneratedNever();
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyStamps.Bump(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyStamps.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
