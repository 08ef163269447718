namespace Modular.Modules.Elections.Data;

public class ElectionsDbContext(DbContextOptions<ElectionsDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Election> Elections => Set<Election>();
    public DbSet<ElectionStep> Steps => Set<ElectionStep>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<TermAdjustment> TermAdjustments => Set<TermAdjustment>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Election>(e =>
        {
            e.ToTable("elec_election");
            e.HasIndex(x => new { x.AgencyId, x.OrganizationId, x.Status });
            e.HasIndex(x => new { x.AgencyId, x.Status, x.PlannedOn });
            e.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ElectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ElectionStep>(e =>
        {
            e.ToTable("elec_step");
            e.HasIndex(s => new { s.ElectionId, s.Id });
        });
        b.Entity<Candidate>(e =>
        {
            e.ToTable("elec_candidate");
            e.HasIndex(c => new { c.ElectionId, c.MemberId }).IsUnique();
        });
        b.Entity<TermAdjustment>(e =>
        {
            e.ToTable("elec_term_adjustment");
            e.HasIndex(t => new { t.AgencyId, t.OrganizationId });
        });
        base.OnModelCreating(b);
    }
}
