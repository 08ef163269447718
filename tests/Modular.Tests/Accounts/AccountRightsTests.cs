using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Accounts;

/// <summary>
/// Issue #15, parts 2 and 3: a platform administrator holds no agency membership, nobody changes their own rights, every
/// change of rights is a named audit event, a grant of discipline inspection is told, an agency keeps an administrator.
/// </summary>
public sealed class AccountRightsTests : IClassFixture<AccountRightsTests.Portal>
{
    public sealed class Portal() : PortalFactory("integrity");

    private readonly Portal _portal;
    public AccountRightsTests(Portal portal) => _portal = portal;

    private const string PlatformAccountRefused = "持有平台管理员角色（系统管理员、安全管理员或审计管理员）的账号不能加入单位。";
    private const string OwnRightsRefused = "不能修改自己的角色或所属单位。";
    private const string LastAdministratorRefused = "单位至少要保留一名单位管理员：请先将其他账号设为管理员。";

    private static Dictionary<string, string> Add(string userName, bool admin = true) =>
        new() { ["Input.UserName"] = userName, ["Input.Admin"] = admin ? "true" : "false" };

    private Task<int> MembershipIdAsync(int agencyId, string userName) =>
        _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.AgencyId == agencyId && m.User!.UserName == userName).Select(m => m.Id).SingleAsync());

    private Task<string?> RolesAsync(int agencyId, string userName) =>
        _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.AgencyId == agencyId && m.User!.UserName == userName).Select(m => m.Roles).SingleOrDefaultAsync());

    private Task<List<Modular.Host.Auditing.AuditEntry>> AuditAsync(string action, string target) =>
        _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action && e.Target == target).OrderBy(e => e.Id).ToListAsync());

    private async Task CreateAccountAsync(string userName)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = userName, DisplayName = userName }, DemoSeeder.DemoPassword)).Succeeded);
    }

    /// <summary>The handlers of the forms a page offers for one membership.</summary>
    private static List<string> ActionsOf(string html, int membershipId) =>
        Regex.Matches(html, "action=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(a => Regex.IsMatch(a, $@"[?&]membershipId={membershipId}(&|$)"))
            .Select(a => Regex.Match(a, @"handler=(\w+)").Groups[1].Value).ToList();

    [Fact]
    public async Task The_demo_accounts_keep_the_rule()
    {
        foreach (var a in DemoSeeder.Accounts)
        {
            var memberships = await _portal.WithDbAsync(db => db.AgencyMemberships.CountAsync(m => m.User!.UserName == a.UserName));
            var platform = await _portal.WithDbAsync(db => db.PlatformRoleHolders().CountAsync(id => db.Users.Any(u => u.Id == id && u.UserName == a.UserName)));
            if (a.PlatformRole is not null) Assert.True(platform == 1 && memberships == 0, a.UserName);
            else Assert.True(platform == 0 && memberships > 0, a.UserName);
        }
    }

    [Fact]
    public async Task The_platform_administrator_cannot_attach_itself_or_another_platform_account_to_an_agency()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var admin = await _portal.SignedInAsync("admin");
        var page = $"/Platform/Agencies/Accounts/{demo}";
        foreach (var name in new[] { "admin", "auditor", "secadmin" })
        {
            var response = await admin.PostFormAsync(page, Add(name), page + "?handler=Add");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(name == "admin" ? OwnRightsRefused : PlatformAccountRefused, await response.Content.ReadAsStringAsync());
            Assert.Null(await RolesAsync(demo, name));
        }
        // The attempt is on record, refused.
        Assert.Contains(await AuditAsync("agency.membership.added", "Account:admin"), e => !e.Success && e.UserName == "admin" && e.AgencyId == demo);
        // The platform administrator still reads no member of the agency.
        Assert.Contains("/Account/AccessDenied", (await admin.GetAsync("/Agency/Accounts")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task The_security_administrator_gives_no_platform_role_to_an_account_of_an_agency_nor_changes_its_own()
    {
        var sec = await _portal.SignedInAsync("secadmin");
        var refused = await sec.PostFormAsync("/Security/Administrators",
            new Dictionary<string, string> { ["userName"] = "member", ["role"] = Roles.PlatformAdmin }, "/Security/Administrators?handler=Role");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该账号属于单位，不能授予平台管理员角色", await refused.Content.ReadAsStringAsync());
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.Empty(await users.GetRolesAsync((await users.FindByNameAsync("member"))!));
        }

        var own = await sec.PostFormAsync("/Security/Administrators",
            new Dictionary<string, string> { ["userName"] = "secadmin", ["role"] = "" }, "/Security/Administrators?handler=Role");
        Assert.Contains("不能修改自己的管理员角色。", await own.Content.ReadAsStringAsync());

        // A role given to an account of no agency is a named event: who gave whom what.
        await CreateAccountAsync("new-auditor");
        Assert.Equal(HttpStatusCode.Redirect, (await sec.PostFormAsync("/Security/Administrators",
            new Dictionary<string, string> { ["userName"] = "new-auditor", ["role"] = Roles.AuditAdmin }, "/Security/Administrators?handler=Role")).StatusCode);
        var granted = Assert.Single(await AuditAsync("platform.role.granted", "Account:new-auditor"));
        Assert.True(granted.Success);
        Assert.Equal("secadmin", granted.UserName);
        Assert.Contains(Roles.AuditAdmin, granted.Details);
        Assert.Equal(HttpStatusCode.Redirect, (await sec.PostFormAsync("/Security/Administrators",
            new Dictionary<string, string> { ["userName"] = "new-auditor", ["role"] = "" }, "/Security/Administrators?handler=Role")).StatusCode);
        Assert.Contains(Roles.AuditAdmin, Assert.Single(await AuditAsync("platform.role.revoked", "Account:new-auditor")).Details);
    }

    [Fact]
    public async Task The_office_has_no_controls_for_its_own_rights_and_a_forged_post_is_refused()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var own = await MembershipIdAsync(demo, "office");
        var office = await _portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/Agency/Accounts?q=office");
        Assert.Empty(ActionsOf(page, own));
        Assert.Contains("本人权限须由其他管理员修改。", page);

        foreach (var (handler, field, value) in new[] { ("Discipline", "on", "true"), ("Role", "admin", "false"), ("Remove", "x", "") })
        {
            var response = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { [field] = value },
                $"/Agency/Accounts?handler={handler}&membershipId={own}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(OwnRightsRefused, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal($"{Roles.AgencyAdmin},{Roles.Member}", await RolesAsync(demo, "office"));
        Assert.Contains(await AuditAsync("agency.role.granted", "Account:office"), e => !e.Success && e.UserName == "office" && e.Details!.Contains(Roles.DisciplineInspection));

        // The platform cannot be used for it either: its administrator is refused for its own account above, and
        // an agency administrator does not reach the platform's pages.
        Assert.Contains("/Account/AccessDenied", (await office.GetAsync($"/Platform/Agencies/Accounts/{demo}")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task Discipline_inspection_given_is_audited_by_name_and_told_to_the_person_and_the_committee_secretary()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var secretaryMembership = await MembershipIdAsync(demo, "secretary");
        var office = await _portal.SignedInAsync("office");
        var response = await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["on"] = "true" },
            $"/Agency/Accounts?handler=Discipline&membershipId={secretaryMembership}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var granted = Assert.Single(await AuditAsync("agency.role.granted", "Account:secretary"), e => e.Success);
        Assert.Equal("office", granted.UserName);
        Assert.Equal(demo, granted.AgencyId);
        Assert.Contains(Roles.DisciplineInspection, granted.Details);
        Assert.Contains("account secretary", granted.Details);
        Assert.Contains($"agency #{demo}", granted.Details);

        Assert.Contains("您已被授予纪检权限", await (await _portal.SignedInAsync("secretary")).GetStringAsync("/Notifications"));
        var shuji = await (await _portal.SignedInAsync("shuji")).GetStringAsync("/Notifications");
        Assert.Contains("张国强被授予纪检权限", shuji);
        Assert.Contains("王建华在市数据资源局为张国强（secretary）授予了纪检权限", shuji);
        // Nobody else is told.
        Assert.DoesNotContain("纪检权限", await (await _portal.SignedInAsync("member")).GetStringAsync("/Notifications"));

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Agency/Accounts", new Dictionary<string, string> { ["on"] = "false" },
            $"/Agency/Accounts?handler=Discipline&membershipId={secretaryMembership}")).StatusCode);
        var revoked = Assert.Single(await AuditAsync("agency.role.revoked", "Account:secretary"));
        Assert.Equal("office", revoked.UserName);
        Assert.Contains(Roles.DisciplineInspection, revoked.Details);
    }

    [Fact]
    public async Task Memberships_given_and_taken_by_the_platform_are_named_events_in_the_agency()
    {
        var agency = await _portal.CreateAgencyAsync("RGT1", "rgt1-office", "agency-admin,member");
        await CreateAccountAsync("rgt1-clerk");
        var admin = await _portal.SignedInAsync("admin");
        var page = $"/Platform/Agencies/Accounts/{agency}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Add("rgt1-clerk"), page + "?handler=Add")).StatusCode);
        var added = Assert.Single(await AuditAsync("agency.membership.added", "Account:rgt1-clerk"));
        Assert.Equal(("admin", agency), (added.UserName, added.AgencyId));
        Assert.Contains("RGT1", added.Details);
        var admin1 = Assert.Single(await AuditAsync("agency.role.granted", "Account:rgt1-clerk"));
        Assert.Contains(Roles.AgencyAdmin, admin1.Details);

        var clerk = await MembershipIdAsync(agency, "rgt1-clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Remove&membershipId={clerk}")).StatusCode);
        var removed = Assert.Single(await AuditAsync("agency.membership.removed", "Account:rgt1-clerk"));
        Assert.Equal(("admin", agency), (removed.UserName, removed.AgencyId));
        // Beside the row-change line of the same change.
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "delete" && e.Target == $"Host.AgencyMembership#{clerk}")));
    }

    [Fact]
    public async Task The_last_administrator_of_an_agency_can_be_neither_demoted_nor_removed()
    {
        var agency = await _portal.CreateAgencyAsync("LAST1", "last1-a", "agency-admin,member");
        await _portal.CreateAgencyAsync("LAST1X", "last1-b", "member");
        var admin = await _portal.SignedInAsync("admin");
        var page = $"/Platform/Agencies/Accounts/{agency}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Add("last1-b"), page + "?handler=Add")).StatusCode);

        // Two administrators: one may go.
        var b = await MembershipIdAsync(agency, "last1-b");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string> { ["admin"] = "false" }, $"{page}?handler=Role&membershipId={b}")).StatusCode);
        // The last one may not, by demotion nor by removal (the office, for its part, cannot touch its own row at all).
        var a = await MembershipIdAsync(agency, "last1-a");
        foreach (var (handler, fields) in new[] { ("Role", new Dictionary<string, string> { ["admin"] = "false" }), ("Remove", new Dictionary<string, string>()) })
        {
            var response = await admin.PostFormAsync(page, fields, $"{page}?handler={handler}&membershipId={a}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(LastAdministratorRefused, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal($"{Roles.AgencyAdmin},{Roles.Member}", await RolesAsync(agency, "last1-a"));
        // The other one made administrator again, the first may be demoted.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string> { ["admin"] = "true" }, $"{page}?handler=Role&membershipId={b}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string> { ["admin"] = "false" }, $"{page}?handler=Role&membershipId={a}")).StatusCode);
    }

    [Fact]
    public async Task Two_administrators_demoted_at_the_same_time_leave_one()
    {
        var agency = await _portal.CreateAgencyAsync("RACE1", "race1-a", "agency-admin,member");
        await _portal.CreateAgencyAsync("RACE1X", "race1-b", "member");
        var admin = await _portal.SignedInAsync("admin");
        var page = $"/Platform/Agencies/Accounts/{agency}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, Add("race1-b"), page + "?handler=Add")).StatusCode);
        var ids = new[] { await MembershipIdAsync(agency, "race1-a"), await MembershipIdAsync(agency, "race1-b") };
        var token = await admin.TokenAsync(page);
        var responses = await Task.WhenAll(ids.Select(id => admin.PostAsync($"{page}?handler=Role&membershipId={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["admin"] = "false", ["__RequestVerificationToken"] = token }))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var roles = await _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.AgencyId == agency).Select(m => m.Roles).ToListAsync());
        Assert.Single(roles, r => r.Contains(Roles.AgencyAdmin));
    }

    [Fact]
    public async Task A_membership_of_a_platform_account_left_from_before_gives_no_rights_and_is_shown_for_removal()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var auditorId = await _portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "auditor").Select(u => u.Id).SingleAsync());
        await _portal.WithDbAsync(async db =>
        {
            db.AgencyMemberships.Add(new AgencyMembership { AgencyId = demo, UserId = auditorId, Roles = $"{Roles.AgencyAdmin},{Roles.DisciplineInspection},{Roles.Member}" });
            return await db.SaveChangesAsync();
        });
        var auditor = await _portal.SignedInAsync("auditor");
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync("/Agency/Accounts")).Headers.Location?.ToString() ?? "");
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/m/integrity/Talks")).StatusCode);

        var admin = await _portal.SignedInAsync("admin");
        var page = $"/Platform/Agencies/Accounts/{demo}";
        var listed = await admin.GetStringAsync(page + "?q=auditor");
        Assert.Contains("不生效：该账号持有平台管理员角色，请将其移出本单位。", listed);
        var id = await MembershipIdAsync(demo, "auditor");
        // Its row offers only removal.
        var actions = ActionsOf(listed, id);
        Assert.Equal(["Remove"], actions);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Remove&membershipId={id}")).StatusCode);
        Assert.Null(await RolesAsync(demo, "auditor"));
    }
}
