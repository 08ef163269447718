namespace Modular.Modules.Supervision.Data;

public class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<TaskStep> Steps => Set<TaskStep>();
    public DbSet<MonthlyPrompt> Prompts => Set<MonthlyPrompt>();
    public DbSet<PromptTarget> PromptTargets => Set<PromptTarget>();
    public DbSet<RectificationLedger> Ledgers => Set<RectificationLedger>();
    public DbSet<LedgerItem> Items => Set<LedgerItem>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<WorkTask>(e =>
        {
            e.ToTable("sup_task");
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Source).HasMaxLength(200);
            e.Property(t => t.EvidenceWanted).HasMaxLength(500);
            e.Property(t => t.ProofKind).HasMaxLength(50);
            e.Property(t => t.ProofType).HasMaxLength(50);
            e.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.Year, t.Status });
            e.HasIndex(t => t.Deadline);
            e.HasIndex(t => t.OwnerMemberId);
            e.HasIndex(t => t.OwnerOrganizationId);
        });
        b.Entity<TaskStep>(e =>
        {
            e.ToTable("sup_task_step");
            e.Property(s => s.Note).HasMaxLength(2000);
            e.HasIndex(s => new { s.TaskId, s.Date });
        });
        b.Entity<MonthlyPrompt>(e =>
        {
            e.ToTable("sup_prompt");
            e.Property(p => p.Title).HasMaxLength(100);
            e.Property(p => p.Body).HasMaxLength(2000);
            e.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PromptId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.Year, p.Month });
        });
        b.Entity<PromptTarget>(e =>
        {
            e.ToTable("sup_prompt_target");
            e.Property(t => t.Answer).HasMaxLength(2000);
            e.HasIndex(t => new { t.PromptId, t.OrganizationId }).IsUnique();
            e.HasIndex(t => t.OrganizationId);
        });
        b.Entity<RectificationLedger>(e =>
        {
            e.ToTable("sup_ledger");
            e.Property(l => l.Title).HasMaxLength(100);
            e.Property(l => l.Source).HasMaxLength(200);
        });
        b.Entity<LedgerItem>(e =>
        {
            e.ToTable("sup_ledger_item");
            e.Property(i => i.Problem).HasMaxLength(1000);
            e.Property(i => i.Measures).HasMaxLength(1000);
            e.Property(i => i.ClosingNote).HasMaxLength(1000);
            e.HasOne<RectificationLedger>().WithMany().HasForeignKey(i => i.LedgerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.LedgerId, i.Status });
            e.HasIndex(i => new { i.Status, i.Deadline });
            e.HasIndex(i => i.OwnerMemberId);
        });
        base.OnModelCreating(b);
    }
}
