using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Data;

public class OrgLifeDbContext(DbContextOptions<OrgLifeDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendee> Attendees => Set<MeetingAttendee>();
    public DbSet<MeetingDecision> Decisions => Set<MeetingDecision>();
    public DbSet<BranchSchedule> BranchSchedules => Set<BranchSchedule>();
    public DbSet<Appraisal> Appraisals => Set<Appraisal>();
    public DbSet<AppraisalEntry> AppraisalEntries => Set<AppraisalEntry>();
    public DbSet<HeartToHeartTalk> Talks => Set<HeartToHeartTalk>();
    public DbSet<CountedThemeDay> CountedThemeDays => Set<CountedThemeDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("orglife_meeting");
            e.HasIndex(m => new { m.AgencyId, m.BranchId, m.Date });
            e.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MeetingAttendee>(e =>
        {
            e.ToTable("orglife_attendee");
            e.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
            e.HasIndex(a => a.MemberId);
        });
        modelBuilder.Entity<MeetingDecision>().ToTable("orglife_decision");
        modelBuilder.Entity<BranchSchedule>(e =>
        {
            e.ToTable("orglife_branch_schedule");
            e.HasIndex(s => new { s.AgencyId, s.BranchId }).IsUnique();
        });
        modelBuilder.Entity<Appraisal>(e =>
        {
            e.ToTable("orglife_appraisal");
            e.HasIndex(a => new { a.AgencyId, a.BranchId, a.Year }).IsUnique();
            e.HasMany(a => a.Entries).WithOne().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AppraisalEntry>(e =>
        {
            e.ToTable("orglife_appraisal_entry");
            e.HasIndex(x => new { x.AppraisalId, x.MemberId }).IsUnique();
        });
        modelBuilder.Entity<HeartToHeartTalk>(e =>
        {
            e.ToTable("orglife_talk");
            e.HasIndex(t => new { t.AgencyId, t.BranchId, t.Date });
        });
        modelBuilder.Entity<CountedThemeDay>(e =>
        {
            e.ToTable("orglife_counted_theme_day");
            e.HasIndex(c => new { c.AgencyId, c.Kind, c.SourceId }).IsUnique();
            e.HasIndex(c => new { c.AgencyId, c.Date });
        });
        base.OnModelCreating(modelBuilder);
    }
}
