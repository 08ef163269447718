using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The directory's tables (and, for its migrations only, the tables of files and notices). It derives from the SDK's base like a module's context, so agency filtering,
/// stamping, concurrency and audit apply exactly as they do for modules.
/// </summary>
public class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public const string ModuleId = "directory";

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    /// <summary>Every post, ended ones too; most readers want <see cref="CurrentPosts"/>.</summary>
    public DbSet<OrganizationPost> Posts => Set<OrganizationPost>();
    /// <summary>The posts held today (not ended).</summary>
    public IQueryable<OrganizationPost> CurrentPosts => Posts.Where(p => p.Until == null);
    /// <summary>Transfers between branches and agencies: not agency-owned (both sides see them); filter by side.</summary>
    public DbSet<MemberTransfer> Transfers => Set<MemberTransfer>();
    /// <summary>Each agency's change stamp (<see cref="Data.AgencyChangeInterceptor"/>), behind <see cref="IAgencyCache"/>.</summary>
    public DbSet<Data.AgencyChange> AgencyChanges => Set<Data.AgencyChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Files and notices have contexts of their own (FileDbContext, NotificationDbContext); their tables came with
        // these migrations and stay with them, so no data moves and the schema has one owner.
        Files.FileDbContext.MapTables(modelBuilder);
        modelBuilder.Entity<Organization>(e =>
        {
            e.ToTable("dir_organization");
            e.HasIndex(o => new { o.AgencyId, o.Path });
            e.HasIndex(o => new { o.AgencyId, o.ParentId });
        });
        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("dir_member");
            // The list's usual questions: by organisation and stage, ordered by name.
            e.HasIndex(m => new { m.AgencyId, m.OrganizationId, m.Stage, m.Name });
            e.HasIndex(m => new { m.AgencyId, m.Name });
            e.HasIndex(m => new { m.AgencyId, m.UserId });
        });
        modelBuilder.Entity<OrganizationPost>(e =>
        {
            e.ToTable("dir_post");
            e.HasIndex(p => new { p.AgencyId, p.OrganizationId });
            e.HasIndex(p => new { p.AgencyId, p.MemberId });
            // The history question: who held a post of one organisation during a period.
            e.HasIndex(p => new { p.AgencyId, p.OrganizationId, p.Post, p.Until });
        });
        modelBuilder.Entity<MemberTransfer>(e =>
        {
            e.ToTable("dir_transfer");
            e.HasIndex(t => new { t.FromAgencyId, t.State });
            e.HasIndex(t => new { t.ToAgencyId, t.State });
            e.HasIndex(t => new { t.FromAgencyId, t.FromMemberId });
        });
        modelBuilder.Entity<Data.AgencyChange>(e =>
        {
            e.ToTable("dir_change");
            e.HasKey(c => c.AgencyId);
            e.Property(c => c.AgencyId).ValueGeneratedNever();
        });
        Notifications.NotificationDbContext.MapTables(modelBuilder);
        base.OnModelCreating(modelBuilder);
    }
}
