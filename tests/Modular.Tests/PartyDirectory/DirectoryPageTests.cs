using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

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
        Assert.True(int.Parse(Html.Metric(dashboard, "党组织与党员", "需关注") ?? "0") > 0, "the directory card shows nothing needing attention");
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
        Assert.Contains("/Account/AccessDenied", (await secretary.GetAsync("/Directory/Members/Export?full=true")).Headers.Location?.ToString() ?? "");
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
            ["Input.Phone"] = "12345", ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Male",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不是有效的 18 位公民身份号码", html);
        Assert.Contains("请输入以 1 开头的 11 位手机号码。", html);
        Assert.Contains("value=\"陈新\"", html);
        Assert.Equal(before, await InDemoAgencyAsync(db => db.Members.CountAsync()));

        var ok = await office.PostFormAsync("/Directory/Members/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "陈新", ["Input.OrganizationId"] = branch.ToString(), ["Input.IdNumber"] = "11010519491231002X",
            ["Input.Phone"] = "13912345678", ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Male",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await InDemoAgencyAsync(db => db.Members.SingleAsync(m => m.Name == "陈新"));
        Assert.Equal("110105********002X", saved.IdNumberMasked);
        Assert.DoesNotContain("11010519491231002X", saved.IdNumberProtected);
        Assert.Equal(new DateOnly(1949, 12, 31), saved.BirthDate);
    }

    [Fact]
    public async Task Stage_and_situation_are_two_selects_and_probation_under_a_year_is_refused_next_to_its_date()
    {
        var branch = await InDemoAgencyAsync(db => db.Organizations.Where(o => o.Name == "第二党支部").Select(o => o.Id).SingleAsync());
        var office = await _portal.SignedInAsync("office");
        var form = await office.GetStringAsync("/Directory/Members/Edit");
        Assert.Contains("name=\"Input.Stage\"", form);
        Assert.Contains("name=\"Input.Situation\"", form);
        Dictionary<string, string> Fields(string full) => new()
        {
            ["Input.Name"] = "韩流动", ["Input.OrganizationId"] = branch.ToString(), ["Input.Stage"] = "FullMember", ["Input.Situation"] = "Mobile",
            ["Input.SituationSince"] = "2026-02-01", ["Input.JoinedDate"] = "2024-06-01", ["Input.FullMemberDate"] = full, ["Input.Gender"] = "Female",
        };
        // A day short of a year after joining.
        var refused = await (await office.PostFormAsync("/Directory/Members/Edit", Fields("2025-05-31"))).Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.FullMemberDate\"[^>]*>预备期至少一年，最早于 2025-06-01 转正。", refused);
        Assert.False(await InDemoAgencyAsync(db => db.Members.AnyAsync(m => m.Name == "韩流动")));

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Directory/Members/Edit", Fields("2025-06-01"))).StatusCode);
        var saved = await InDemoAgencyAsync(db => db.Members.SingleAsync(m => m.Name == "韩流动"));
        Assert.Equal((MemberStage.FullMember, MemberSituation.Mobile, new DateOnly(2026, 2, 1)), (saved.Stage, saved.Situation, saved.SituationSince!.Value));
        // The roster filters by situation and shows both columns.
        var link = $"/Directory/Members/Details/{saved.Id}\"";
        var mobile = await office.GetStringAsync("/Directory/Members?situation=Mobile&q=韩流动");
        Assert.Contains(link, mobile);
        Assert.Contains("status-warning\">流动</span>", mobile);
        Assert.Contains("sort=situation", mobile);
        Assert.Contains("sort=stage", mobile);
        Assert.DoesNotContain(link, await office.GetStringAsync("/Directory/Members?situation=LostContact&q=韩流动"));
        Assert.Contains(link, await office.GetStringAsync("/Directory/Members?stage=FullMember&q=韩流动"));
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
        Assert.Contains(Html.Rows(html), r => int.TryParse(r.GetValueOrDefault("党支部数"), out var n) && n > 0);
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
