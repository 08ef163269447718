namespace Modular.Modules.Volunteer.Data;

public class VolunteerDbContext(DbContextOptions<VolunteerDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();
    public DbSet<PartnerLogEntry> PartnerLog => Set<PartnerLogEntry>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<SignUp> SignUps => Set<SignUp>();

    public bool IsPostgreSql => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    // Activity times are wall-clock times of the agency, not instants.
    protected override bool WallClockDateTimes => true;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<decimal>().HavePrecision(6, 1);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Partner>(e =>
        {
            e.ToTable("vol_partner");
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Address).HasMaxLength(200);
            e.Property(p => p.Note).HasMaxLength(2000);
            e.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PartnerContact>(e =>
        {
            e.ToTable("vol_partner_contact");
            e.Property(c => c.Name).HasMaxLength(50);
            e.Property(c => c.Title).HasMaxLength(50);
            e.Property(c => c.Phone).HasMaxLength(20);
        });
        b.Entity<PartnerLogEntry>(e =>
        {
            e.ToTable("vol_partner_log");
            e.Property(l => l.Title).HasMaxLength(100);
            e.Property(l => l.Content).HasMaxLength(2000);
            e.HasOne<Partner>().WithMany().HasForeignKey(l => l.PartnerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(l => new { l.PartnerId, l.Date });
        });
        b.Entity<Activity>(e =>
        {
            e.ToTable("vol_activity");
            e.Property(a => a.Title).HasMaxLength(100);
            e.Property(a => a.Place).HasMaxLength(200);
            e.Property(a => a.Description).HasMaxLength(4000);
            e.Property(a => a.CancelReason).HasMaxLength(200);
            e.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(a => new { a.Status, a.StartsAt });
            e.HasIndex(a => a.OrganizerMemberId);
        });
        b.Entity<SignUp>(e =>
        {
            e.ToTable("vol_signup");
            e.Property(s => s.HoursAdjustReason).HasMaxLength(200);
            e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // One sign-up per member and activity: signing up again reuses the row.
            e.HasIndex(s => new { s.ActivityId, s.MemberId }).IsUnique();
            e.HasIndex(s => new { s.MemberId, s.Status });
        });
        base.OnModelCreating(b);
    }
}
