namespace Modular.Modules.Dues.Data;

public class DuesDbContext(DbContextOptions<DuesDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<DuesBase> Bases => Set<DuesBase>();
    public DbSet<DuesHardship> Hardships => Set<DuesHardship>();
    public DbSet<DuesPayment> Payments => Set<DuesPayment>();
    public DbSet<PaidMonth> PaidMonths => Set<PaidMonth>();
    public DbSet<DuesCollector> Collectors => Set<DuesCollector>();
    public DbSet<DuesUse> Uses => Set<DuesUse>();
    public DbSet<DuesPublication> Publications => Set<DuesPublication>();
    public DbSet<DuesMove> Moves => Set<DuesMove>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // Yuan to the fen; rates to a thousandth of a percent.
        builder.Properties<decimal>().HavePrecision(12, 2);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DuesBase>(e =>
        {
            e.ToTable("dues_base");
            e.Property(x => x.Rate).HasPrecision(6, 5);
            e.HasIndex(x => new { x.AgencyId, x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.Year });
        });
        b.Entity<DuesHardship>(e =>
        {
            e.ToTable("dues_hardship");
            e.HasIndex(x => new { x.AgencyId, x.MemberId, x.Year }).IsUnique();
        });
        b.Entity<DuesPayment>(e =>
        {
            e.ToTable("dues_payment");
            e.HasIndex(x => new { x.AgencyId, x.MemberId, x.PaidOn });
            e.HasIndex(x => new { x.AgencyId, x.OrganizationId, x.PaidOn });
            e.HasMany(x => x.Months).WithOne().HasForeignKey(m => m.PaymentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PaidMonth>(e =>
        {
            e.ToTable("dues_paid_month");
            e.HasIndex(x => new { x.AgencyId, x.MemberId, x.Month }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.Month, x.OrganizationId });
        });
        b.Entity<DuesCollector>(e =>
        {
            e.ToTable("dues_collector");
            e.HasIndex(x => new { x.AgencyId, x.OrganizationId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.MemberId });
        });
        b.Entity<DuesUse>(e =>
        {
            e.ToTable("dues_use");
            e.HasIndex(x => new { x.AgencyId, x.Date });
        });
        b.Entity<DuesPublication>(e =>
        {
            e.ToTable("dues_publication");
            e.HasIndex(x => new { x.AgencyId, x.Year }).IsUnique();
        });
        b.Entity<DuesMove>(e =>
        {
            e.ToTable("dues_move");
            e.HasIndex(x => new { x.AgencyId, x.MemberId });
        });
        base.OnModelCreating(b);
    }
}
