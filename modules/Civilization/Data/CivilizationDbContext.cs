namespace Modular.Modules.Civilization.Data;

public class CivilizationDbContext(DbContextOptions<CivilizationDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CriteriaCategory> Categories => Set<CriteriaCategory>();
    public DbSet<CriteriaItem> Items => Set<CriteriaItem>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<PracticeActivity> PracticeActivities => Set<PracticeActivity>();
    public DbSet<Honour> Honours => Set<Honour>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<decimal>().HavePrecision(6, 1);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Campaign>(e =>
        {
            e.ToTable("civ_campaign");
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.TitleName).HasMaxLength(50);
            e.Property(c => c.Note).HasMaxLength(2000);
            e.HasIndex(c => new { c.Year, c.Status });
        });
        b.Entity<CriteriaCategory>(e =>
        {
            e.ToTable("civ_category");
            e.Property(c => c.Name).HasMaxLength(50);
            e.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.CampaignId, c.Name }).IsUnique();
        });
        b.Entity<CriteriaItem>(e =>
        {
            e.ToTable("civ_item");
            e.Property(i => i.Code).HasMaxLength(20);
            e.Property(i => i.Text).HasMaxLength(500);
            e.Property(i => i.ReviewComment).HasMaxLength(1000);
            e.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CriteriaCategory>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.CampaignId, i.CategoryId, i.Order });
            e.HasIndex(i => new { i.OwnerMemberId, i.Status });
        });
        b.Entity<Evidence>(e =>
        {
            e.ToTable("civ_evidence");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.HasOne<CriteriaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ItemId, x.SubmittedAt });
        });
        b.Entity<PracticeActivity>(e =>
        {
            e.ToTable("civ_practice");
            e.Property(p => p.Title).HasMaxLength(100);
            e.Property(p => p.Place).HasMaxLength(200);
            e.Property(p => p.Summary).HasMaxLength(2000);
            e.Property(p => p.LinkedKind).HasMaxLength(50);
            e.Property(p => p.LinkedId).HasMaxLength(50);
            e.Property(p => p.LinkedTitle).HasMaxLength(200);
            e.HasIndex(p => new { p.Date, p.Kind });
        });
        b.Entity<Honour>(e =>
        {
            e.ToTable("civ_honour");
            e.Property(h => h.Title).HasMaxLength(100);
            e.Property(h => h.IssuingBody).HasMaxLength(100);
            e.HasIndex(h => h.Year);
        });
        base.OnModelCreating(b);
    }
}
