using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests;

/// <summary>The rules with numbers, at their boundaries.</summary>
public sealed class DirectoryRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DirectorySettings Settings = new();

    private static List<OrganizationWarning> Warn(int full, int party, int committee, DateOnly? termEnd = null, OrganizationKind kind = OrganizationKind.Branch) =>
        OrganizationWarnings.For(new OrganizationFacts(new Organization { Id = 1, Name = "第一党支部", Kind = kind, TermEnd = termEnd }, full, party, committee), Today, Settings).ToList();

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_branch_needs_three_full_members(int full, bool warned) =>
        Assert.Equal(warned, Warn(full, full, 1).Any(w => w.Text.Contains("少于 3 名")));

    [Theory]
    [InlineData(6, 0, false)]
    [InlineData(7, 2, true)]
    [InlineData(7, 3, false)]
    public void Seven_full_members_need_a_committee(int full, int committee, bool warned) =>
        Assert.Equal(warned, Warn(full, full, committee).Any(w => w.Text.Contains("应设立支部委员会")));

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public void More_than_fifty_members_suggests_splitting(int party, bool warned) =>
        Assert.Equal(warned, Warn(40, party, 5).Any(w => w.Text.Contains("应考虑分设")));

    [Theory]
    [InlineData(-1, WarningLevel.Danger)]      // ended yesterday
    [InlineData(0, WarningLevel.Warning)]      // ends today
    [InlineData(90, WarningLevel.Warning)]     // 2027-02-21, within 3 months
    [InlineData(95, WarningLevel.Info)]        // beyond 3 months, within 6
    [InlineData(182, WarningLevel.Info)]       // 2027-05-24 > 2027-05-23: no longer within 6 months
    public void Term_reminders_by_date(int daysFromToday, WarningLevel expected)
    {
        var end = Today.AddDays(daysFromToday);
        var warnings = Warn(5, 5, 1, end).Where(w => w.Due is not null).ToList();
        if (end > Today.AddMonths(6)) Assert.Empty(warnings);
        else Assert.Equal(expected, Assert.Single(warnings).Level);
    }

    [Fact]
    public void Six_months_is_the_last_day_with_a_reminder()
    {
        Assert.Single(Warn(5, 5, 1, Today.AddMonths(6)), w => w.Due is not null);
        Assert.DoesNotContain(Warn(5, 5, 1, Today.AddMonths(6).AddDays(1)), w => w.Due is not null);
        Assert.Equal(WarningLevel.Warning, Warn(5, 5, 1, Today.AddMonths(3)).Single(w => w.Due is not null).Level);
        Assert.Equal(WarningLevel.Info, Warn(5, 5, 1, Today.AddMonths(3).AddDays(1)).Single(w => w.Due is not null).Level);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491331002X", false)]
    [InlineData("1101051949123100", false)]
    public void ID_numbers_are_checked(string id, bool valid) => Assert.Equal(valid, PersonalDataFormat.IsValidIdNumber(id));

    [Fact]
    public void Masks_follow_the_baseline()
    {
        Assert.Equal("410102********0024", Mask.IdNumber("410102199001010024"));
        Assert.Equal("138****1027", Mask.Phone("13812341027"));
    }
}

/// <summary>Who sees what, masking, audited full views, validation, and the roster at 100,000 members.</summary>
public sealed class DirectoryPageTests : IClassFixture<DirectoryPageTests.Portal>
{
    public sealed class Portal() : PortalFactory();

    private readonly Portal _portal;
    public DirectoryPageTests(Portal portal) => _portal = portal;

    private async Task<T> InDemoAgencyAsync<T>(Func<DirectoryDbContext, Task<T>> work)
    {
        using var _ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    [Fact]
    public async Task The_demo_agency_has_a_realistic_tree_with_reminders()
    {
        var office = await _portal.SignedInAsync("office");
        var html = await office.GetStringAsync("/Directory/Organizations");
        Assert.Contains("中共XX市数据资源管理局机关委员会", html);
        Assert.Contains("第一党支部", html);
        Assert.Contains("少于 3 名", html);        // the deliberately small branch
        Assert.Contains("应设立支部委员会", html);  // the branch without a committee
        Assert.Contains("任期已于", html);          // an overdue term
        var todo = await office.GetStringAsync("/Todo");
        Assert.Contains("任期已于", todo);
        var dashboard = await office.GetStringAsync("/");
        Assert.Contains("党组织与党员", dashboard);
        Assert.Contains("需关注", dashboard);
        Assert.DoesNotContain("需关注", await (await _portal.SignedInAsync("member")).GetStringAsync("/"));
    }

    [Fact]
    public async Task A_secretary_sees_their_branch_only()
    {
        var (mine, other) = await InDemoAgencyAsync(async db =>
        {
            var branchOf = await db.Members.Where(m => m.Name == "张国强").Select(m => m.OrganizationId).SingleAsync();
            var inMine = await db.Members.Where(m => m.OrganizationId == branchOf && m.Name != "张国强").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            // Outside the branch and its Party groups (which the secretary does see).
            var path = await db.Organizations.Where(o => o.Id == branchOf).Select(o => o.Path).SingleAsync();
            var elsewhere = await db.Members.Where(m => !db.Organizations.Any(o => o.Id == m.OrganizationId && o.Path.StartsWith(path)))
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            return (inMine, elsewhere);
        });
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/Directory/Members/Details/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Directory/Members/Details/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Directory/Members/Edit?id={other}")).StatusCode);
        var list = await secretary.GetStringAsync("/Directory/Members");
        Assert.DoesNotContain("信息中心党支部", list);
        Assert.Contains("第一党支部", list);

        var member = await _portal.SignedInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/Directory/Members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Directory/Members/Details/{mine}")).StatusCode);
        Assert.Contains("李晓梅", await member.GetStringAsync("/Account/Profile"));
    }

    [Fact]
    public async Task Numbers_are_masked_and_a_full_view_is_audited()
    {
        var id = await InDemoAgencyAsync(db => db.Members.Where(m => m.Name == "李晓梅").Select(m => m.Id).SingleAsync());
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync($"/Directory/Members/Details/{id}");
        Assert.Matches("data-testid=\"id-number\">\\d{6}\\*{8}[0-9X]{4}<", page);
        Assert.Matches("data-testid=\"phone\">1\\d{2}\\*{4}\\d{4}<", page);
        Assert.Matches("1\\d{2}\\*{4}\\d{4}", await office.GetStringAsync("/Directory/Members?q=李晓梅"));

        var full = await office.PostFormAsync($"/Directory/Members/Details/{id}", new Dictionary<string, string>(), $"/Directory/Members/Details/{id}?handler=Full");
        var html = await full.Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"id-number\">\\d{17}[0-9X]<", html);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "member.view-personal-data" && e.Target == $"Directory.Member#{id}").ToListAsync()),
            e => e.UserName == "office");

        // Exports are masked unless the Party office asks for full numbers, which is audited too.
        var masked = await office.GetAsync("/Directory/Members/Export?q=李晓梅");
        var maskedRows = MiniExcelLibs.MiniExcel.Query(await masked.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Matches("^\\d{6}\\*{8}[0-9X]{4}$", maskedRows.Single()["公民身份号码"].ToString()!);
        var fullExport = await office.GetAsync("/Directory/Members/Export?q=李晓梅&full=true");
        var fullRows = MiniExcelLibs.MiniExcel.Query(await fullExport.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Matches("^\\d{17}[0-9X]$", fullRows.Single()["公民身份号码"].ToString()!);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "member.export-full" && e.UserName == "office")));

        var secretary = await _portal.SignedInAsync("secretary");
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.GetAsync("/Directory/Members/Export?full=true")).StatusCode);
        var refused = await secretary.PostFormAsync($"/Directory/Members/Details/{id}", new Dictionary<string, string>(), $"/Directory/Members/Details/{id}?handler=Full");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_bad_ID_number_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var branch = await InDemoAgencyAsync(db => db.Organizations.Where(o => o.Name == "第二党支部").Select(o => o.Id).SingleAsync());
        var before = await InDemoAgencyAsync(db => db.Members.CountAsync());
        var office = await _portal.SignedInAsync("office");
        var response = await office.PostFormAsync("/Directory/Members/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "陈新", ["Input.OrganizationId"] = branch.ToString(), ["Input.IdNumber"] = "110105194912310021",
            ["Input.Phone"] = "12345", ["Input.Status"] = "FullMember", ["Input.Gender"] = "Male",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不是有效的 18 位公民身份号码", html);
        Assert.Contains("请输入以 1 开头的 11 位手机号码。", html);
        Assert.Contains("value=\"陈新\"", html);
        Assert.Equal(before, await InDemoAgencyAsync(db => db.Members.CountAsync()));

        var ok = await office.PostFormAsync("/Directory/Members/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "陈新", ["Input.OrganizationId"] = branch.ToString(), ["Input.IdNumber"] = "11010519491231002X",
            ["Input.Phone"] = "13912345678", ["Input.Status"] = "FullMember", ["Input.Gender"] = "Male",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await InDemoAgencyAsync(db => db.Members.SingleAsync(m => m.Name == "陈新"));
        Assert.Equal("110105********002X", saved.IdNumberMasked);
        Assert.DoesNotContain("11010519491231002X", saved.IdNumberProtected);
        Assert.Equal(new DateOnly(1949, 12, 31), saved.BirthDate);
    }

    [Fact]
    public async Task The_Party_office_creates_and_moves_organisations_within_the_rules()
    {
        var (committee, general) = await InDemoAgencyAsync(async db => (
            await db.Organizations.Where(o => o.Kind == OrganizationKind.AgencyCommittee).Select(o => o.Id).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "第二党支部").Select(o => o.Id).SingleAsync()));
        var office = await _portal.SignedInAsync("office");
        var bad = await office.PostFormAsync("/Directory/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "新党小组", ["Input.Kind"] = "PartyGroup", ["Input.ParentId"] = committee.ToString(),
            ["Input.TermStart"] = "2025-01-01", ["Input.TermEnd"] = "2030-01-01",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("党小组的上级只能是：党支部。", badHtml);
        Assert.Contains("任期为 3 年，延长或缩短一般不超过 1 年。", badHtml);

        var created = await office.PostFormAsync("/Directory/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "青年党小组", ["Input.Kind"] = "PartyGroup", ["Input.ParentId"] = general.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = await InDemoAgencyAsync(db => db.Organizations.Where(o => o.Name == "青年党小组").Select(o => o.Path).SingleAsync());
        Assert.StartsWith($"/{committee}/{general}/", path);

        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("/Account/AccessDenied", (await secretary.GetAsync("/Directory/Organizations/Edit")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task The_platform_sees_counts_per_agency_but_no_people()
    {
        var admin = await _portal.SignedInAsync("admin");
        var html = await admin.GetStringAsync("/Platform/Agencies");
        Assert.Contains("党支部数", html);
        Assert.Matches("data-label=\"党员\">[0-9]{2,}<", html);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Directory/Members")).StatusCode);
    }

    [Fact]
    public async Task Another_agencys_member_does_not_exist_for_this_agency()
    {
        var demoMember = await InDemoAgencyAsync(db => db.Members.Select(m => m.Id).FirstAsync());
        await _portal.CreateAgencyAsync("DIR2", "dir2-admin", "agency-admin,member");
        var other = await _portal.SignedInAsync("dir2-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Directory/Members/Details/{demoMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Directory/Members/Edit?id={demoMember}")).StatusCode);
        Assert.DoesNotContain("第一党支部", await other.GetStringAsync("/Directory/Members"));
    }
}

public sealed class DirectorySdkTests
{
    [Fact]
    public async Task A_plugin_reads_the_directory_through_the_SDK_in_its_own_agency()
    {
        using var portal = new PortalFactory("notes");
        var member = await portal.SignedInAsync("member");
        var json = System.Text.Json.JsonDocument.Parse(await member.GetStringAsync("/m/notes/api/directory")).RootElement;
        Assert.Equal("李晓梅", json.GetProperty("me").GetString());
        Assert.True(json.GetProperty("organizations").GetInt32() >= 5);
        Assert.False(json.GetProperty("agencyWide").GetBoolean());
        var office = await portal.SignedInAsync("office");
        Assert.True(System.Text.Json.JsonDocument.Parse(await office.GetStringAsync("/m/notes/api/directory")).RootElement.GetProperty("agencyWide").GetBoolean());
        // Every committee post of the agency at once: the same as asking organisation by organisation.
        Assert.True(json.GetProperty("posts").GetInt32() >= 3);
        Assert.Equal(json.GetProperty("postsOneByOne").GetInt32(), json.GetProperty("posts").GetInt32());
        // The whole roster at once: the same people as under the agency's top organisations.
        Assert.True(json.GetProperty("members").GetInt32() >= 10);
        Assert.Equal(json.GetProperty("membersByRoot").GetInt32(), json.GetProperty("members").GetInt32());
        Assert.True(json.GetProperty("meListed").GetBoolean());
        await portal.CreateAgencyAsync("SDK2", "sdk2-admin", "agency-admin,member", "notes");
        var other = await portal.SignedInAsync("sdk2-admin");
        var otherJson = System.Text.Json.JsonDocument.Parse(await other.GetStringAsync("/m/notes/api/directory")).RootElement;
        Assert.Equal(0, otherJson.GetProperty("organizations").GetInt32());
        Assert.Equal(0, otherJson.GetProperty("posts").GetInt32());
        Assert.Equal(0, otherJson.GetProperty("members").GetInt32());
    }

    [Fact]
    public async Task Members_by_id_come_from_the_current_agency_only_and_a_long_list_works()
    {
        using var portal = new PortalFactory();
        var demoAgency = await portal.DemoAgencyIdAsync();
        var otherAgency = await portal.CreateAgencyAsync("IDS2", "ids2-admin", "agency-admin,member");
        async Task<T> InAsync<T>(int agencyId, Func<IDirectory, DirectoryDbContext, Task<T>> work)
        {
            using var _ = AgencyScope.Use(agencyId);
            await using var scope = portal.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<IDirectory>(), scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
        }
        using (AgencyScope.Use(otherAgency))
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DirectoryDemoData>()
                .SeedAsync(new DirectoryDemoData.Plan("中共第二测试机关委员会", ["第一党支部"], [], false), seed: 11, new DateOnly(2026, 11, 23));
        }
        var demoIds = await InAsync(demoAgency, (_, db) => db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        var otherIds = await InAsync(otherAgency, (_, db) => db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(otherIds);
        Assert.Empty(demoIds.Intersect(otherIds));

        // A few of the agency's own, another agency's and unknown ids: only the agency's own come back, once each.
        var few = await InAsync(demoAgency, (d, _) => d.GetMembersAsync([demoIds[0], demoIds[1], demoIds[1], otherIds[0], int.MaxValue, -5]));
        Assert.Equal([demoIds[0], demoIds[1]], few.Select(m => m.Id).Order().ToList());
        var single = await InAsync(demoAgency, (d, _) => d.GetMemberAsync(demoIds[0]));
        Assert.Equal(single, few.Single(m => m.Id == demoIds[0]));
        Assert.Empty(await InAsync(otherAgency, (d, _) => d.GetMembersAsync(demoIds)));
        Assert.Equal(otherIds, (await InAsync(otherAgency, (d, _) => d.GetMembersAsync(otherIds))).Select(m => m.Id).Order().ToList());

        // More ids than either database takes as parameters in one statement.
        var longList = demoIds.Concat(Enumerable.Range(10_000_000, 70_000)).Concat(otherIds).ToList();
        var all = await InAsync(demoAgency, (d, _) => d.GetMembersAsync(longList));
        var roster = await InAsync(demoAgency, (d, _) => d.GetAllMembersAsync());
        Assert.Equal(demoIds, all.Select(m => m.Id).Order().ToList());
        Assert.Equal(roster.OrderBy(m => m.Id).ToList(), all.OrderBy(m => m.Id).ToList());
        Assert.Empty(await InAsync(demoAgency, (d, _) => d.GetMembersAsync([])));

        // One scope keeps what it read, per agency: a later change is not seen within the scope, and another agency
        // current in the same scope reads its own members, not the kept ones.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
            using (AgencyScope.Use(demoAgency))
            {
                var before = (await directory.GetMembersAsync([demoIds[0]])).Single().Name;
                await portal.ExecAsync("UPDATE dir_member SET \"Name\" = 'Kept-in-scope' WHERE \"Id\" = @id", ("id", demoIds[0]));
                Assert.Equal(before, (await directory.GetMembersAsync([demoIds[0]])).Single().Name);
                Assert.Equal(demoIds, (await directory.GetAllMembersAsync()).Select(m => m.Id).Order().ToList());
            }
            using (AgencyScope.Use(otherAgency))
            {
                Assert.Empty(await directory.GetMembersAsync([demoIds[0]]));
                Assert.Equal(otherIds, (await directory.GetAllMembersAsync()).Select(m => m.Id).Order().ToList());
            }
        }
        Assert.Equal("Kept-in-scope", (await InAsync(demoAgency, (d, _) => d.GetMembersAsync([demoIds[0]]))).Single().Name);
    }

    [Fact]
    public async Task The_same_seed_and_date_give_the_same_roster()
    {
        async Task<List<string>> SeedAsync()
        {
            using var portal = new PortalFactory();
            portal.Settings["Modular:SeedDemoData"] = "false";
            _ = portal.Server;
            using var agencyScope = AgencyScope.Use(4242);
            await using var scope = portal.Services.CreateAsyncScope();
            var demo = scope.ServiceProvider.GetRequiredService<DirectoryDemoData>();
            await demo.SeedAsync(new DirectoryDemoData.Plan("中共测试机关委员会", ["第一党支部", "第二党支部"], ["窗口党支部"], false), seed: 7, new DateOnly(2026, 11, 23));
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            return await db.Members.OrderBy(m => m.Id).Select(m => m.Name + "|" + m.IdNumberMasked + "|" + m.Status).ToListAsync();
        }
        var first = await SeedAsync();
        var second = await SeedAsync();
        Assert.True(first.Count >= 40);
        Assert.Equal(first, second);
    }
}

/// <summary>The SDK's default members-by-id for a directory that implements only the original members (an older plugin's fake, say).</summary>
public sealed class DirectoryDefaultMembersTests
{
    private sealed class OldDirectory(IReadOnlyList<MemberInfo> members) : IDirectory
    {
        public int SingleReads { get; private set; }
        private static readonly OrganizationInfo Root = new(1, null, OrganizationKind.AgencyCommittee, "机关党委", false, null, null);
        public Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<OrganizationInfo>>([Root]);
        public Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default) => Task.FromResult(id == 1 ? Root : null);
        public Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<MemberInfo>>(organizationId == 1 ? members : []);
        public Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default)
        {
            SingleReads++;
            return Task.FromResult(members.FirstOrDefault(m => m.Id == id));
        }
        public Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PostInfo>>([]);
        public Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default) => Task.FromResult<MemberInfo?>(null);
        public Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.None);
    }

    [Fact]
    public async Task A_few_ids_are_read_one_by_one_many_from_the_roster_unknown_ones_left_out()
    {
        var members = Enumerable.Range(1, 30).Select(i => new MemberInfo(i, $"党员{i:00}", Gender.Unknown, MemberStatus.FullMember, 1, null, null, null, false, null, null)).ToList();
        var directory = new OldDirectory(members);
        IDirectory sdk = directory;
        Assert.Equal([3, 5], (await sdk.GetMembersAsync([5, 3, 3, 999])).Select(m => m.Id).ToList());
        Assert.Equal(3, directory.SingleReads);
        Assert.Empty(await sdk.GetMembersAsync([]));
        var many = await sdk.GetMembersAsync(Enumerable.Range(20, 40).ToList());
        Assert.Equal(Enumerable.Range(20, 11).ToList(), many.Select(m => m.Id).ToList());
        Assert.Equal(3, directory.SingleReads); // the roster, not 40 single reads
    }
}

public sealed class RosterAtScaleTests
{
    [Fact]
    public async Task The_member_list_pages_through_100000_members()
    {
        using var portal = new PortalFactory();
        var agency = await portal.CreateAgencyAsync("BIG", "big-admin", "agency-admin,member");
        int branch;
        using (AgencyScope.Use(agency))
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var org = new Organization { Kind = OrganizationKind.Branch, Name = "大支部" };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = $"/{org.Id}/";
            await db.SaveChangesAsync();
            branch = org.Id;
        }
        const string columns = "INSERT INTO dir_member (\"AgencyId\", \"OrganizationId\", \"Name\", \"Gender\", \"Status\", \"IsLeadingCadre\", \"Version\", \"PhoneMasked\") ";
        await portal.ExecAsync(TestDatabase.Sql(
            sqlite: "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) " + columns
                + "SELECT @a, @o, '党员' || substr('00000' || i, -6, 6), 1, 4, FALSE, 1, '138****0000' FROM n",
            postgres: columns + "SELECT @a, @o, '党员' || lpad(i::text, 6, '0'), 1, 4, FALSE, 1, '138****0000' FROM generate_series(0, 99999) AS i"),
            ("@a", agency), ("@o", branch));
        var client = await portal.SignedInAsync("big-admin");
        var last = await client.GetStringAsync("/Directory/Members?p=5000");
        Assert.Contains("第 5000/5000 页", last);
        Assert.Contains("共 100000 条", last);
        Assert.Contains("党员099999", last);
        var filtered = await client.GetStringAsync("/Directory/Members?q=党员0500&sort=-name");
        Assert.Contains("共 100 条", filtered);
        Assert.True(filtered.IndexOf("党员050099", StringComparison.Ordinal) < filtered.IndexOf("党员050090", StringComparison.Ordinal));
    }
}

/// <summary>Excel import: all rows checked first, every problem by row and column, nothing imported on any error.</summary>
public sealed class MemberImportTests : IClassFixture<MemberImportTests.Portal>
{
    public sealed class Portal() : PortalFactory();

    private readonly Portal _portal;
    public MemberImportTests(Portal portal) => _portal = portal;

    private static ByteArrayContent Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, ByteArrayContent file)
    {
        var token = await client.TokenAsync("/Directory/Members/Import");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", "members.xlsx" } };
        return await client.PostAsync("/Directory/Members/Import", form);
    }

    private Task<int> CountAsync() => _portal.WithDbAsync(async _ =>
    {
        using var s = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.CountAsync();
    });

    private static Dictionary<string, object?> Row(string name, string org, string? id = null, string? phone = null, string? status = "正式党员") => new()
    {
        ["姓名"] = name, ["性别"] = "女", ["民族"] = "汉族", ["出生日期"] = null, ["公民身份号码"] = id, ["手机号码"] = phone, ["学历"] = "大学本科",
        ["职务职级"] = "科员", ["所在党组织"] = org, ["党小组"] = null, ["状态"] = status, ["入党日期"] = "2012-07-01", ["转正日期"] = "2013-07-01", ["领导干部"] = "否",
    };

    [Fact]
    public async Task One_bad_row_stops_the_whole_import_and_every_problem_is_listed()
    {
        var office = await _portal.SignedInAsync("office");
        var template = await office.GetAsync("/Directory/Members/Import?handler=Template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);

        var before = await CountAsync();
        var response = await UploadAsync(office, Xlsx([
            Row("孙丽", "第二党支部", "11010519491231002X", "13912345678"),
            Row("周强", "不存在的支部", "110105194912310021", "1391234"),
            Row("", "第二党支部", "11010519491231002X", status: "党外人士"),
        ]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未导入任何数据", html);
        var problems = Regex.Matches(html, "<tr><td data-label=\"行\">(\\d+)</td><td data-label=\"列\">([^<]*)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Contains(("3", "所在党组织"), problems);
        Assert.Contains(("3", "公民身份号码"), problems);
        Assert.Contains(("3", "手机号码"), problems);
        Assert.Contains(("4", "姓名"), problems);
        Assert.Contains(("4", "公民身份号码"), problems); // the same number as row 2
        Assert.Contains(("4", "状态"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == "2");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_import_applies_the_same_date_rules_as_the_form()
    {
        var office = await _portal.SignedInAsync("office");
        var young = Row("马晓", "第二党支部", "11010519491231002X"); // born 1949-12-31
        young["入党日期"] = "1960-07-01"; // at ten
        young["转正日期"] = "1961-07-01";
        var future = Row("钱进", "第二党支部");
        future["入党日期"] = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd");
        future["转正日期"] = null;
        var html = await (await UploadAsync(office, Xlsx([young, future]))).Content.ReadAsStringAsync();
        Assert.Contains("入党时须年满 18 周岁。", html);
        Assert.Contains("日期不能晚于今天。", html);
        Assert.Contains("未导入任何数据", html);
    }

    [Fact]
    public async Task A_valid_file_is_imported_whole()
    {
        var office = await _portal.SignedInAsync("office");
        var before = await CountAsync();
        var response = await UploadAsync(office, Xlsx([
            Row("钱敏", "第二党支部", "11010519491231002X", "13912345678"),
            Row("吴刚", "第一党支部", phone: "13712345678", status: "预备党员"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 2, await CountAsync());
        Assert.Contains("139****5678", await office.GetStringAsync("/Directory/Members?q=钱敏"));
    }

    [Fact]
    public async Task Not_an_Excel_file_gets_a_clear_message()
    {
        var office = await _portal.SignedInAsync("office");
        var content = new ByteArrayContent("not a spreadsheet"u8.ToArray());
        var response = await UploadAsync(office, content);
        Assert.Contains("无法读取该文件", await response.Content.ReadAsStringAsync());
    }
}
