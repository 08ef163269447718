using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

/// <summary>The development module's rows (tables dev_*) as its tests find and count them, and people added to the directory for them.</summary>
public static class DevelopmentData
{
    public static Task<int> CaseCountAsync(this PortalFactory portal) => portal.IntAsync("SELECT COUNT(*) FROM dev_case");

    public static async Task<int?> CaseOfAsync(this PortalFactory portal, int memberId) =>
        (await portal.IntsAsync("SELECT \"Id\" FROM dev_case WHERE \"MemberId\" = @m", ("m", memberId))).Cast<int?>().SingleOrDefault();

    /// <summary>The step numbers of a case in the order they were recorded.</summary>
    public static Task<List<int>> StepsOfAsync(this PortalFactory portal, int caseId) =>
        portal.IntsAsync("SELECT \"Step\" FROM dev_step WHERE \"CaseId\" = @c ORDER BY \"Id\"", ("c", caseId));

    public static Task<List<int>> HelpersOfAsync(this PortalFactory portal, int caseId) =>
        portal.IntsAsync("SELECT \"MemberId\" FROM dev_helper WHERE \"CaseId\" = @c ORDER BY \"MemberId\"", ("c", caseId));

    /// <summary>Cases of an agency whose probation was extended (step 23 decided so).</summary>
    public static Task<int> ExtendedCasesAsync(this PortalFactory portal, int agencyId) =>
        portal.IntAsync("SELECT COUNT(DISTINCT \"CaseId\") FROM dev_step WHERE \"AgencyId\" = @a AND \"Step\" = 23 AND \"Outcome\" = 1", ("a", agencyId));

    /// <summary>Open cases of an agency with a deadline before <paramref name="today"/>.</summary>
    public static Task<int> OverdueCasesAsync(this PortalFactory portal, int agencyId, DateOnly today) =>
        portal.IntAsync("SELECT COUNT(*) FROM dev_case WHERE \"AgencyId\" = @a AND \"Status\" = 0 AND \"DueDate\" < @t", ("a", agencyId), ("t", today));

    /// <summary>Adds a person to the demo agency's first branch (an applicant unless told otherwise), with a birth date if given.</summary>
    public static async Task<int> AddPersonAsync(this PortalFactory portal, string name, DateOnly? birthDate, MemberStage status = MemberStage.Applicant, int? agencyId = null,
        string? userId = null)
    {
        using var _ = AgencyScope.Use(agencyId ?? await portal.DemoAgencyIdAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var branch = await db.Organizations.Where(o => o.Name == "第一党支部").Select(o => o.Id).FirstAsync();
        var m = new Member { Name = name, OrganizationId = branch, Stage = status, BirthDate = birthDate, UserId = userId };
        db.Members.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    /// <summary>Adds an applicant to the demo agency with an account of their own (a member there; the demo password).</summary>
    public static async Task<int> AddApplicantWithAccountAsync(this PortalFactory portal, string name, string userName, DateOnly birthDate)
    {
        var agency = await portal.DemoAgencyIdAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = name };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agency, UserId = user.Id, Roles = Roles.Member });
        await db.SaveChangesAsync();
        return await portal.AddPersonAsync(name, birthDate, userId: user.Id);
    }

    /// <summary>The latest held branch members' meeting of the demo agency's first branch on or after <paramref name="from"/>, with its date; null when none.</summary>
    public static async Task<(int Id, DateOnly Date)?> MembersMeetingAsync(this PortalFactory portal, DateOnly from)
    {
        var rows = await portal.RowsAsync("SELECT m.\"Id\", CAST(m.\"Date\" AS TEXT) FROM orglife_meeting m JOIN dir_organization o ON o.\"Id\" = m.\"BranchId\" " +
            "WHERE o.\"Name\" = '第一党支部' AND m.\"AgencyId\" = @a AND m.\"Type\" = 0 AND m.\"Status\" = 1 AND m.\"Date\" >= @f ORDER BY m.\"Date\" DESC",
            ("a", await portal.DemoAgencyIdAsync()), ("f", from));
        return rows.Count == 0 ? null : (int.Parse(rows[0][0]), DateOnly.ParseExact(rows[0][1], "yyyy-MM-dd"));
    }

    /// <summary>Full members expected at and present at an org-life meeting, counted from its attendance and the directory.</summary>
    public static async Task<(int Due, int Present)> FullMembersAtAsync(this PortalFactory portal, int meetingId)
    {
        var rows = await portal.RowsAsync("SELECT a.\"Attendance\" FROM orglife_attendee a JOIN dir_member d ON d.\"Id\" = a.\"MemberId\" " +
            "WHERE a.\"MeetingId\" = @m AND d.\"Stage\" = 4", ("m", meetingId));
        return (rows.Count, rows.Count(r => r[0] == "1"));
    }

    /// <summary>The vote figures and meeting stored on a case's step.</summary>
    public static async Task<string[]> VoteOfAsync(this PortalFactory portal, int caseId, int step) =>
        (await portal.RowsAsync("SELECT \"VoteEntitled\", \"VotePresent\", \"MeetingId\", \"MeetingTitle\" FROM dev_step WHERE \"CaseId\" = @c AND \"Step\" = @s", ("c", caseId), ("s", step))).Single();
}
