namespace Modular.Modules.Integrity.Data;

public class IntegrityDbContext(DbContextOptions<IntegrityDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<IntegrityTalk> Talks => Set<IntegrityTalk>();
    public DbSet<WarningEducation> WarningSessions => Set<WarningEducation>();
    public DbSet<WarningAttendee> WarningAttendees => Set<WarningAttendee>();
    public DbSet<IntegrityRisk> Risks => Set<IntegrityRisk>();
    public DbSet<RiskReviewRound> ReviewRounds => Set<RiskReviewRound>();
    public DbSet<RiskReview> Reviews => Set<RiskReview>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<FestivalDate> FestivalDates => Set<FestivalDate>();
    public DbSet<FestivalReminder> FestivalReminders => Set<FestivalReminder>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<IntegrityTalk>(e =>
        {
            e.ToTable("int_talk");
            e.Property(t => t.Summary).HasMaxLength(4000);
            e.HasIndex(t => t.Date);
        });
        b.Entity<WarningEducation>(e =>
        {
            e.ToTable("int_warning");
            e.Property(w => w.Title).HasMaxLength(100);
            e.Property(w => w.Place).HasMaxLength(200);
            e.Property(w => w.LinkedKind).HasMaxLength(50);
            e.Property(w => w.LinkedId).HasMaxLength(50);
            e.Property(w => w.LinkedTitle).HasMaxLength(200);
            e.HasMany(w => w.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(w => w.Date);
        });
        b.Entity<WarningAttendee>(e =>
        {
            e.ToTable("int_warning_attendee");
            e.Property(a => a.Reflection).HasMaxLength(2000);
            e.HasIndex(a => new { a.SessionId, a.MemberId }).IsUnique();
            e.HasIndex(a => a.MemberId);
        });
        b.Entity<IntegrityRisk>(e =>
        {
            e.ToTable("int_risk");
            e.Property(r => r.Post).HasMaxLength(100);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.Property(r => r.Measures).HasMaxLength(2000);
            e.HasIndex(r => r.OwnerMemberId);
            e.HasIndex(r => r.NextReviewDate);
        });
        b.Entity<RiskReviewRound>(e =>
        {
            e.ToTable("int_review_round");
            // One round a year per agency.
            e.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();
        });
        b.Entity<RiskReview>(e =>
        {
            e.ToTable("int_review");
            e.Property(r => r.Note).HasMaxLength(500);
            e.HasOne<RiskReviewRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<IntegrityRisk>().WithMany().HasForeignKey(r => r.RiskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.RoundId, r.RiskId }).IsUnique();
            e.HasIndex(r => new { r.OwnerMemberId, r.Outcome });
        });
        b.Entity<Inspection>(e =>
        {
            e.ToTable("int_inspection");
            e.Property(i => i.Target).HasMaxLength(100);
            e.Property(i => i.Summary).HasMaxLength(2000);
            e.HasIndex(i => i.Date);
        });
        b.Entity<Rectification>(e =>
        {
            e.ToTable("int_rectification");
            e.Property(r => r.Finding).HasMaxLength(1000);
            e.Property(r => r.ClosingNote).HasMaxLength(1000);
            e.HasOne<Inspection>().WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.OwnerMemberId, r.Status });
        });
        b.Entity<FestivalDate>(e =>
        {
            e.ToTable("int_festival");
            e.Property(f => f.Text).HasMaxLength(500);
            e.HasIndex(f => new { f.AgencyId, f.Year, f.Festival }).IsUnique();
        });
        b.Entity<FestivalReminder>(e =>
        {
            e.ToTable("int_festival_sent");
            // The record that makes a reminder go out once, whatever number of instances or runs.
            e.HasIndex(f => new { f.AgencyId, f.Year, f.Festival }).IsUnique();
        });
        base.OnModelCreating(b);
    }
}
