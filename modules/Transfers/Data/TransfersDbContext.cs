namespace Modular.Modules.Transfers.Data;

/// <summary>The module's own records: letters out of the portal and the mobile members' registry (transfers within the portal are the directory's).</summary>
public class TransfersDbContext(DbContextOptions<TransfersDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<MobileMember> MobileMembers => Set<MobileMember>();
    public DbSet<ContactAttempt> Attempts => Set<ContactAttempt>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Letter>(e =>
        {
            e.ToTable("tr_letter");
            // The number is unique per agency and year.
            e.HasIndex(l => new { l.AgencyId, l.Year, l.Sequence }).IsUnique();
            e.HasIndex(l => new { l.AgencyId, l.Status, l.ValidUntil });
            e.HasIndex(l => new { l.AgencyId, l.MemberId });
            e.Ignore(l => l.Number);
        });
        b.Entity<MobileMember>(e =>
        {
            e.ToTable("tr_mobile");
            e.HasIndex(m => new { m.AgencyId, m.MemberId });
            e.HasIndex(m => new { m.AgencyId, m.EndedOn });
            e.HasMany(m => m.Attempts).WithOne().HasForeignKey(a => a.MobileMemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContactAttempt>(e =>
        {
            e.ToTable("tr_contact");
            e.HasIndex(a => new { a.MobileMemberId, a.Date });
        });
        base.OnModelCreating(b);
    }
}
