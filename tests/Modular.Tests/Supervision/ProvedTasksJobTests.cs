using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Jobs;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;
using Modular.Tests.Integrity;

namespace Modular.Tests.Supervision;

/// <summary>
/// Record-proved tasks close by the host's job, nobody viewing them; the job's records (IJobSharedRecords) are its own
/// agency's, without people, and answer nothing outside a job.
/// </summary>
public sealed class ProvedTasksJobTests(ProvedTasksJobTests.Portal portal) : IClassFixture<ProvedTasksJobTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("supervision", "integrity", "org-life") => Settings["Modular:JobSeconds"] = "0";
    }

    private Dictionary<string, string> Proof(int owner, string kind, int count) => new()
    {
        ["Input.OwnerMemberId"] = owner.ToString(), ["Input.ProofKind"] = kind, ["Input.ProofCount"] = count.ToString(),
        ["Input.ProofFrom"] = $"{portal.Today.Year}-01-01",
    };

    [Fact]
    public async Task The_job_closes_proved_tasks_of_each_agency_from_that_agency_s_records_only()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var office = await portal.SignedInAsync("office");
        var owner = await portal.MemberIdAsync("王建华");
        var end = new DateOnly(portal.Today.Year, 12, 31);
        // Org-life's source filters by the reader's scope: the job reads as the office, so a person-owned task counts the whole agency's meetings.
        var meeting = await office.CreateTaskAsync(portal, "召开一次组织生活会议（作业测试）", null, end, Proof(owner, SharedRecordKinds.OrgLifeMeeting, 1));
        var warning = await office.CreateTaskAsync(portal, "开展一次警示教育（作业测试）", null, end, Proof(owner, SharedRecordKinds.IntegrityWarningEducation, 1));
        var many = await office.CreateTaskAsync(portal, "开展五十次警示教育（作业测试）", null, end, Proof(owner, SharedRecordKinds.IntegrityWarningEducation, 50));
        // The same demand moved to an agency that has the modules on but no records: the demo agency's records must not close it.
        var moved = await office.CreateTaskAsync(portal, "开展一次警示教育（他单位作业测试）", null, end, Proof(owner, SharedRecordKinds.IntegrityWarningEducation, 1));
        var other = await portal.CreateAgencyAsync("JOBT", "jobt", $"{Roles.AgencyAdmin},{Roles.Member}", "supervision", "integrity", "org-life");
        await portal.ExecAsync("UPDATE sup_task SET \"AgencyId\" = @a WHERE \"Id\" = @id", ("a", other), ("id", moved));

        Assert.True(await portal.RunJobsAsync(portal.Today) > 0);

        Assert.Equal(1, await portal.TaskStatusAsync(meeting));
        Assert.Equal([6], await portal.StepKindsAsync(meeting));
        Assert.Equal(1, await portal.TaskStatusAsync(warning));
        Assert.Contains("参观市廉政教育基地", await portal.TextAsync("SELECT \"Note\" FROM sup_task_step WHERE \"TaskId\" = @id", ("id", warning)));
        Assert.Equal(0, await portal.TaskStatusAsync(many));
        Assert.Equal(0, await portal.TaskStatusAsync(moved));
        Assert.Empty(await portal.StepKindsAsync(moved));
        // Run again: nothing more happens (the job is safe to repeat).
        await portal.RunJobsAsync(portal.Today);
        Assert.Equal([6], await portal.StepKindsAsync(meeting));
        Assert.Equal(demo, await portal.IntAsync("SELECT \"AgencyId\" FROM sup_task WHERE \"Id\" = @id", ("id", meeting)));
    }

    [Fact]
    public async Task Job_records_answer_only_in_a_job_of_the_current_agency_and_never_with_people()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var second = await portal.WithDbAsync(db => db.Agencies.Where(a => a.Id != demo).Select(a => a.Id).FirstAsync());
        var query = new SharedRecordQuery(new DateOnly(portal.Today.Year - 1, 1, 1), portal.Today, Take: 200);
        using var _ = AgencyScope.Use(demo);

        // No job: a page or any user-less work gets nothing.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var records = scope.ServiceProvider.GetRequiredService<IJobSharedRecords>();
            Assert.False(records.InJob);
            Assert.Empty(await records.SearchAsync(SharedRecordKinds.OrgLifeMeeting, query));
            Assert.Empty(records.AvailableKinds());
        }
        // A job of another agency while the demo agency is current: nothing either.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobRunContext>().Begin(second);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IJobSharedRecords>().SearchAsync(SharedRecordKinds.OrgLifeMeeting, query));
        }
        // The demo agency's own job: every branch's meetings, counts without people; the user-less ISharedRecords still nothing.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobRunContext>().Begin(demo);
            var records = scope.ServiceProvider.GetRequiredService<IJobSharedRecords>();
            var meetings = await records.SearchAsync(SharedRecordKinds.OrgLifeMeeting, query);
            Assert.True(meetings.Select(m => m.OrganizationId).Distinct().Count() > 1);
            Assert.All(meetings, m => { Assert.Null(m.Attendees); Assert.NotNull(m.Attendance); });
            var ids = await portal.IntsAsync("SELECT \"Id\" FROM orglife_meeting WHERE \"AgencyId\" = @a", ("a", demo));
            Assert.All(meetings, m => Assert.Contains(int.Parse(m.Id), ids));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ISharedRecords>().SearchAsync(SharedRecordKinds.OrgLifeMeeting, query));
            // The reading scope's office powers stay in the reading scope: the job's own permissions are a user-less one's.
            Assert.False(scope.ServiceProvider.GetRequiredService<IPermissionChecker>().IsGranted("org-life.view"));
        }
    }
}
