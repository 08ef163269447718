using System.Text;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>The test kit (Modular.Sdk.Testing) behaves as the portal's services do, where a module's tests rely on it.</summary>
public sealed class TestKitTests
{
    [Fact]
    public void The_clock_counts_today_in_the_agency_s_time_zone()
    {
        // 17:00 UTC on New Year's Eve is 01:00 on New Year's Day in Beijing.
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));
        IAgencyClock agencyClock = clock;
        Assert.Equal(new DateOnly(2027, 1, 1), agencyClock.Today);
        Assert.Equal(new DateTime(2027, 1, 1, 1, 0, 0), agencyClock.LocalNow);
        Assert.Equal(new DateOnly(2026, 12, 31), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Assert.Equal(TimeSpan.FromHours(8), clock.GetLocalNow().Offset);

        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new DateOnly(2027, 1, 2), agencyClock.Today);
        Assert.Equal(new DateOnly(2027, 3, 5), FakeClock.AtLocal(new DateTime(2027, 3, 5, 0, 30, 0)).Today);
    }

    [Fact]
    public async Task The_pass_through_cache_makes_every_value_afresh_with_or_without_a_period()
    {
        IAgencyCache cache = new PassThroughAgencyCache();
        var day = CachePeriod.Day(new DateOnly(2026, 12, 4));
        Assert.Equal(1, await cache.GetOrCreateAsync("test", day, _ => Task.FromResult(1)));
        Assert.Equal(2, await cache.GetOrCreateAsync("test", day, _ => Task.FromResult(2)));
        Assert.Equal(3, await cache.GetOrCreateAsync("test", _ => Task.FromResult(3)));
        Assert.Equal("d739953", day.ToString());
        Assert.Equal(CachePeriod.Day(new DateOnly(2026, 12, 3)), day.Previous);
        Assert.NotEqual(CachePeriod.Minute(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero)).ToString(), day.ToString());
    }

    [Fact]
    public async Task The_directory_answers_counts_and_queries_from_what_the_test_added()
    {
        var directory = new FakeDirectory();
        var committee = directory.AddOrganization("机关党委", OrganizationKind.AgencyCommittee);
        var branch = directory.AddOrganization("第一党支部", parentId: committee.Id);
        var group = directory.AddOrganization("第一党小组", OrganizationKind.PartyGroup, branch.Id);
        var other = directory.AddOrganization("第二党支部", parentId: committee.Id);
        var full = directory.AddMember("张三", branch.Id);
        directory.AddMember("李四", branch.Id, MemberStage.ProbationaryMember, groupId: group.Id);
        directory.AddMember("王五", branch.Id, MemberStage.Applicant);
        directory.AddMember("赵六", other.Id);
        directory.AddPost(branch.Id, full.Id, CommitteePost.Secretary);
        IDirectory asSdk = directory;

        Assert.Equal(3, await asSdk.CountMembersAsync(MemberQuery.PartyMembers));
        Assert.Equal(["张三", "李四"], (await asSdk.FindMembersAsync(new MemberQuery(branch.Id, Stages: [MemberStage.FullMember, MemberStage.ProbationaryMember]))).Select(m => m.Name));
        Assert.Equal(new Dictionary<int, int> { [branch.Id] = 3, [other.Id] = 1 }, await asSdk.CountMembersByOrganizationAsync(new MemberQuery()));
        Assert.Equal(["李四"], (await asSdk.GetMembersAsync(group.Id)).Select(m => m.Name));
        Assert.Equal(full.Id, Assert.Single(await asSdk.GetAllPostsAsync()).MemberId);

        Assert.Null(await asSdk.GetCurrentMemberAsync());
        var member = new FakeCurrentMember(directory.SignIn(full.Id, new DataScope(false, new HashSet<int> { branch.Id }, full.Id)));
        Assert.Equal("张三", (await member.GetAsync())?.Name);
        Assert.False((await member.GetScopeAsync()).CanSeeOrganization(other.Id));
    }

    [Fact]
    public async Task The_file_store_checks_uploads_and_keeps_agencies_apart()
    {
        var agency = new FakeAgency();
        var files = new FakeFileStore(agency);
        var bad = await files.ReadAsync("run.exe", new MemoryStream([1, 2, 3]));
        Assert.False(bad.IsValid);
        await Assert.ThrowsAsync<InvalidOperationException>(() => files.SaveAsync("org-life", "meeting:1", bad));

        var photo = await files.ReadAsync("合影.jpg", new MemoryStream(Encoding.UTF8.GetBytes("photo")));
        Assert.Equal("image/jpeg", photo.ContentType);
        var saved = await files.SaveAsync("org-life", "meeting:1", photo);
        Assert.Equal("photo", Encoding.UTF8.GetString((await files.OpenAsync("org-life", saved.Id))!.Content));
        Assert.Empty(await files.ListAsync("volunteer", "meeting:1"));

        agency.Id = 2;
        Assert.Empty(await files.ListAsync("org-life", "meeting:1"));
        Assert.False(await files.DeleteAsync("org-life", saved.Id));
        agency.Id = 1;
        Assert.True(await files.DeleteAsync("org-life", saved.Id));
    }

    [Fact]
    public async Task Notifications_are_recorded_and_permissions_are_only_those_granted()
    {
        var notifications = new FakeNotifications();
        await notifications.SendAsync("org-life", [3, 4, 3], new Notice("会议通知", "周五下午", "/m/org-life/Meetings/Details/1"));
        Assert.Equal([3, 4], Assert.Single(notifications.Sent).MemberIds);
        Assert.Equal("会议通知", Assert.Single(notifications.To(4)).Title);
        Assert.Empty(notifications.To(5));

        var permissions = new FakePermissions().Grant("org-life.view", "org-life.record");
        Assert.True(permissions.IsGranted("org-life.record"));
        Assert.False(permissions.Revoke("org-life.record").IsGranted("org-life.record"));
        Assert.False(permissions.IsGranted("volunteer.view"));

        var user = new FakeUser().WithAgencyRoles(Roles.AgencyAdmin);
        Assert.True(user.IsInAgencyRole(Roles.AgencyAdmin));
        Assert.False(user.IsPlatformAdmin);
        Assert.False(FakeUser.SignedOut().IsAuthenticated);
    }

    [Fact]
    public async Task A_module_context_in_memory_applies_the_agency_filter_and_stamps()
    {
        using var database = new InMemoryModuleDatabase<NotebookContext>();
        await using (var db = database.CreateContext())
        {
            db.Notes.Add(new Note { Title = "第一单位的笔记" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
            Assert.Equal(1, Assert.Single(await db.Notes.ToListAsync()).AgencyId);

        database.Agency.Id = 2;
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Notes.ToListAsync());
            db.Notes.Add(new Note { Title = "冒充第一单位", AgencyId = 1 });
            await Assert.ThrowsAsync<AgencyScopeException>(() => db.SaveChangesAsync());
        }
    }

    public sealed class Note : IAgencyOwned, IVersioned
    {
        public int Id { get; set; }
        public int AgencyId { get; set; }
        public string Title { get; set; } = "";
        public long Version { get; set; }
    }

    public sealed class NotebookContext(DbContextOptions<NotebookContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
    {
        public DbSet<Note> Notes => Set<Note>();
    }
}
