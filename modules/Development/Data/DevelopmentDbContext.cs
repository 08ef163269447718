namespace Modular.Modules.Development.Data;

public class DevelopmentDbContext(DbContextOptions<DevelopmentDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<DevelopmentCase> Cases => Set<DevelopmentCase>();
    public DbSet<CaseStep> Steps => Set<CaseStep>();
    public DbSet<CaseHelper> Helpers => Set<CaseHelper>();
    public DbSet<YearPlan> Plans => Set<YearPlan>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<decimal>().HavePrecision(7, 1);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DevelopmentCase>(e =>
        {
            e.ToTable("dev_case");
            // One case per person and agency: a person's way is one timeline.
            e.HasIndex(c => new { c.AgencyId, c.MemberId }).IsUnique();
            e.HasIndex(c => new { c.AgencyId, c.OrganizationId, c.Stage });
            e.HasIndex(c => new { c.AgencyId, c.Status, c.DueDate });
            e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseStep>(e =>
        {
            e.ToTable("dev_step");
            e.HasIndex(s => new { s.CaseId, s.Id });
            e.HasIndex(s => new { s.AgencyId, s.Step, s.Date });
        });
        b.Entity<CaseHelper>(e =>
        {
            e.ToTable("dev_helper");
            e.HasOne<DevelopmentCase>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => new { h.CaseId, h.MemberId, h.Role }).IsUnique();
            e.HasIndex(h => new { h.AgencyId, h.MemberId });
        });
        b.Entity<YearPlan>(e =>
        {
            e.ToTable("dev_plan");
            e.HasIndex(p => new { p.AgencyId, p.Year, p.OrganizationId }).IsUnique();
        });
        base.OnModelCreating(b);
    }
}
