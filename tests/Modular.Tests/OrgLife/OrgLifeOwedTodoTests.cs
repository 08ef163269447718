using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

/// <summary>
/// What the years still owe reaches the to-do centre: a secretaries' lecture not given, for a branch, a general branch and
/// the agency committee alike; democratic appraisals of every year the portal has records of, not only last year's.
/// </summary>
public sealed class OrgLifeOwedTodoTests : IClassFixture<OrgLifeOwedTodoTests.Portal>
{
    /// <summary>A portal of its own: these tests add posts and a general branch to the demo directory.</summary>
    public sealed class Portal() : PortalFactory("org-life");

    private readonly Portal _portal;
    public OrgLifeOwedTodoTests(Portal portal) => _portal = portal;

    private async Task<List<string>> TodoAsync(string account) =>
        Html.Texts(await (await _portal.SignedInAsync(account)).GetStringAsync("/Todo"), "main td a").ToList();

    /// <summary>Members of <paramref name="branch"/> who never hosted a Party lecture, the demo accounts' people left out.</summary>
    private async Task<List<(int Id, string Name)>> NeverLecturedAsync(int branch) =>
        (await _portal.RowsAsync("SELECT \"Id\", \"Name\" FROM dir_member WHERE \"OrganizationId\" = @b AND \"Id\" NOT IN "
            + "(SELECT \"HostMemberId\" FROM orglife_meeting WHERE \"HostMemberId\" IS NOT NULL) ORDER BY \"Id\"", ("b", branch)))
        .Select(r => (Id: int.Parse(r[0]), Name: r[1])).Where(m => !DemoSeeder.Accounts.Any(a => a.DisplayName == m.Name)).ToList();

    [Fact]
    public async Task A_secretary_who_left_without_a_lecture_is_overdue_for_the_branch_the_general_branch_and_the_committee()
    {
        var today = _portal.Today;
        var left = today.AddDays(-20);
        var branch = await _portal.BranchIdAsync("第一党支部");
        var people = await NeverLecturedAsync(branch);
        var (inBranch, inGeneral, inCommittee) = (people[0], people[1], people[2]);
        string committeeName;
        using (AgencyScope.Use(await _portal.DemoAgencyIdAsync()))
        {
            await using var scope = _portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var committee = await db.Organizations.SingleAsync(o => o.Kind == OrganizationKind.AgencyCommittee);
            committeeName = committee.Name;
            var general = new Organization { ParentId = committee.Id, Kind = OrganizationKind.GeneralBranch, Name = "机关第一党总支" };
            db.Organizations.Add(general);
            await db.SaveChangesAsync();
            general.Path = committee.Path + general.Id + "/";
            // Each was secretary from New Year's Day and left twenty days ago without giving a Party lecture.
            foreach (var (org, member) in new[] { (branch, inBranch.Id), (general.Id, inGeneral.Id), (committee.Id, inCommittee.Id) })
                db.Posts.Add(new OrganizationPost { OrganizationId = org, MemberId = member, Post = CommitteePost.Secretary, Since = new DateOnly(today.Year, 1, 1), Until = left });
            await db.SaveChangesAsync();
        }

        var office = await TodoAsync("office");
        Assert.Contains($"{committeeName}：书记{inCommittee.Name}{today.Year}年未讲党课", office);
        Assert.Contains($"机关第一党总支：书记{inGeneral.Name}{today.Year}年未讲党课", office);
        // The office keeps five branches: theirs join its one line of overdue items.
        Assert.DoesNotContain(office, t => t.StartsWith("第一党支部：书记"));
        Assert.Contains(office, t => t.StartsWith("有 ") && t.EndsWith(" 项组织生活逾期未落实"));
        var secretary = await TodoAsync("secretary");
        Assert.Contains($"第一党支部：书记{inBranch.Name}{today.Year}年未讲党课", secretary);
        // The secretary in post still has the rest of the year: not yet a to-do.
        Assert.DoesNotContain(secretary, t => t.Contains("张国强"));
        Assert.DoesNotContain(await TodoAsync("member"), t => t.Contains("讲党课"));
    }

    [Fact]
    public async Task Appraisals_of_every_year_with_records_and_no_published_results_are_to_dos()
    {
        var year = _portal.Today.Year;
        var branch = await _portal.BranchIdAsync("第一党支部");
        string Owed(int y) => $"第一党支部：{y}年民主评议党员未完成";
        Assert.DoesNotContain(Owed(year - 3), await TodoAsync("secretary"));

        // The branch's records now go back three years, and no appraisal of those years was published.
        var secretary = await _portal.SignedInAsync("secretary");
        await secretary.RecordHeldMeetingAsync(branch, "BranchMembersMeeting", "三年前的支部党员大会（测试）", "党员活动室", new DateOnly(year - 3, 6, 10));
        var todo = await TodoAsync("secretary");
        Assert.Contains(Owed(year - 3), todo);
        Assert.Contains(Owed(year - 2), todo);
        // Last year's results were published (demo data); this year's is not due before the fourth quarter.
        Assert.DoesNotContain(todo, t => t.Contains($"第一党支部：{year - 1}年民主评议党员") || t.Contains($"第一党支部：{year}年民主评议党员"));
    }
}
