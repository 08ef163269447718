namespace Modular.Modules.Study.Data;

public class StudyDbContext(DbContextOptions<StudyDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<StudyTest> Tests => Set<StudyTest>();
    public DbSet<TestQuestion> TestQuestions => Set<TestQuestion>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<AttemptAnswer> Answers => Set<AttemptAnswer>();
    public DbSet<StudyPlan> Plans => Set<StudyPlan>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<StudySession> Sessions => Set<StudySession>();
    public DbSet<SessionAttendee> Attendees => Set<SessionAttendee>();

    // Test windows and answer times are the agency's wall-clock times, not instants.
    protected override bool WallClockDateTimes => true;

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Question>(e =>
        {
            e.ToTable("stu_question");
            e.Property(q => q.Category).HasMaxLength(50);
            e.Property(q => q.Text).HasMaxLength(1000);
            e.Property(q => q.Options).HasMaxLength(2000);
            e.Property(q => q.Answer).HasMaxLength(200);
            e.Property(q => q.Explanation).HasMaxLength(1000);
            e.HasIndex(q => q.Category);
        });
        b.Entity<StudyTest>(e =>
        {
            e.ToTable("stu_test");
            e.Property(t => t.Title).HasMaxLength(100);
            e.Property(t => t.Description).HasMaxLength(1000);
            e.Property(t => t.DrawCategory).HasMaxLength(50);
            e.Property(t => t.DrawSpec).HasMaxLength(1000);
            e.Property(t => t.OrganizationIds).HasMaxLength(2000);
            e.Property(t => t.MemberIds).HasMaxLength(8000);
            e.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.TestId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => t.Closes);
        });
        b.Entity<TestQuestion>(e =>
        {
            e.ToTable("stu_test_question");
            e.Property(q => q.Text).HasMaxLength(1000);
            e.Property(q => q.Options).HasMaxLength(2000);
            e.Property(q => q.Answer).HasMaxLength(200);
            e.Property(q => q.Explanation).HasMaxLength(1000);
            e.HasIndex(q => new { q.TestId, q.Position });
        });
        b.Entity<Attempt>(e =>
        {
            e.ToTable("stu_attempt");
            e.HasOne<StudyTest>().WithMany().HasForeignKey(a => a.TestId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
            // One attempt a person: a second start resumes the first.
            e.HasIndex(a => new { a.TestId, a.MemberId }).IsUnique();
            e.HasIndex(a => new { a.SubmittedAt, a.DueAt });
        });
        b.Entity<AttemptAnswer>(e =>
        {
            e.ToTable("stu_answer");
            e.Property(a => a.Value).HasMaxLength(200);
            e.HasOne<TestQuestion>().WithMany().HasForeignKey(a => a.TestQuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.AttemptId, a.TestQuestionId }).IsUnique();
        });
        b.Entity<StudyPlan>(e =>
        {
            e.ToTable("stu_plan");
            e.Property(p => p.Title).HasMaxLength(100);
            e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.AgencyId, p.Year, p.Owner, p.OrganizationId });
        });
        b.Entity<PlanItem>(e =>
        {
            e.ToTable("stu_plan_item");
            e.Property(i => i.Topic).HasMaxLength(200);
            e.Property(i => i.Speaker).HasMaxLength(50);
            e.Property(i => i.Materials).HasMaxLength(1000);
        });
        b.Entity<StudySession>(e =>
        {
            e.ToTable("stu_session");
            e.Property(s => s.Topic).HasMaxLength(200);
            e.Property(s => s.Speaker).HasMaxLength(50);
            e.Property(s => s.Notes).HasMaxLength(4000);
            e.Property(s => s.LinkedKind).HasMaxLength(50);
            e.Property(s => s.LinkedId).HasMaxLength(50);
            e.Property(s => s.LinkedTitle).HasMaxLength(200);
            e.HasOne<StudyPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => s.Date);
        });
        b.Entity<SessionAttendee>(e =>
        {
            e.ToTable("stu_session_attendee");
            e.HasIndex(a => new { a.SessionId, a.MemberId }).IsUnique();
            e.HasIndex(a => a.MemberId);
        });
        base.OnModelCreating(b);
    }
}
