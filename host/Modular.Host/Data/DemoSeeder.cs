using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Tenancy;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>
/// First-start data for a demo: a platform administrator and one agency with its administrator and a
/// member, every installed module allowed and on, and each module's own demo data for that agency
/// (<see cref="ModuleDemoData"/>, which also seeds a module turned on there later).
/// Runs once: it does nothing when the platform administrator already exists.
/// </summary>
public sealed class DemoSeeder(
    HostDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    PluginCatalog catalog,
    IServiceProvider services,
    Oidc.ClientService clients,
    ModularOptions options)
{
    public const string DemoPassword = "Demo@2026";

    public sealed record DemoAccount(string UserName, string DisplayName, string Description, string? AgencyRoles, string? PlatformRole = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "系统管理员", "system administrator (系统管理员: agencies, accounts, modules)", null, Roles.PlatformAdmin),
        new("secadmin", "安全管理员", "security administrator (安全管理员: administrators, unlocking)", null, Roles.SecurityAdmin),
        new("auditor", "审计管理员", "audit administrator (审计管理员: audit log only)", null, Roles.AuditAdmin),
        new("gongwei", "周工委", "organ work committee (市直机关工委: every agency's figures, tasks to agencies)", null, Roles.OversightCommittee),
        new("office", "王建华", "agency administrator (机关党委办公室), also in 市委政研室", $"{Roles.AgencyAdmin},{Roles.Member}"),
        new("secretary", "张国强", "branch secretary (第一党支部书记)", Roles.Member),
        new("member", "李晓梅", "Party member (党员, 第一党支部)", Roles.Member),
        new("jijian", "刘纪平", "discipline inspection (纪检: integrity talks)", $"{Roles.DisciplineInspection},{Roles.Member}"),
        new("shuji", "陈立新", "secretary of the agency Party committee (机关党委书记: integrity talks by the committee post)", Roles.Member),
    ];

    public const string DemoAgencyCode = "SJZYJ";

    /// <summary>Accounts created at the first start of a real installation, with one-time passwords (see the banner).</summary>
    public static List<(string UserName, string Password, string Role)> BootstrapAccounts { get; } = [];

    /// <summary>
    /// A real installation (no demo data) starts with the three administrators and random passwords that
    /// are printed once and must be changed at the first sign-in.
    /// </summary>
    public async Task EnsureAdministratorsAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.PlatformRoles)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        // Only the three administrators start a real installation; the committee's accounts are given later.
        foreach (var a in Accounts.Where(a => a.PlatformRole is not null && Roles.Administrators.Contains(a.PlatformRole)))
        {
            if ((await users.GetUsersInRoleAsync(a.PlatformRole!)).Count > 0) continue;
            var password = "Init-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9)).Replace('/', 'x').Replace('+', 'y') + "9a";
            var user = new PortalUser { UserName = a.UserName, DisplayName = a.DisplayName, MustChangePassword = true };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) throw new InvalidOperationException("Administrator account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, a.PlatformRole!);
            BootstrapAccounts.Add((a.UserName, password, a.PlatformRole!));
        }
    }
    public const string SampleClientUrl = "http://localhost:5090";

    /// <summary>The five agencies of the source documents (shared/seeds), with the shape of their organisations.</summary>
    public static readonly IReadOnlyList<(string Name, string Short, string Code, PartyDirectory.DirectoryDemoData.Plan Plan)> DemoAgencies =
    [
        ("XX市数据资源管理局", "市数据资源局", DemoAgencyCode, new("中共XX市数据资源管理局机关委员会",
            ["第一党支部", "第二党支部", "机关党委办公室党支部", "数据管理处党支部", "信息中心党支部"], [], false)),
        ("XX市委政策研究室", "市委政研室", "ZYS", new("中共XX市委政策研究室机关委员会",
            ["综合处党支部", "经济研究处党支部", "社会研究处党支部", "离退休干部党支部"], [], false)),
        ("XX市政务服务中心", "市政务服务中心", "ZWFWZX", new("中共XX市政务服务中心机关委员会",
            ["机关第一党支部", "机关第二党支部", "综合保障党支部"], ["办事大厅一楼窗口党支部", "办事大厅二楼窗口党支部", "不动产登记窗口党支部"], true)),
        ("XX市政务服务和大数据管理局", "市政务服务和大数据局", "ZWDSJ", new("中共XX市政务服务和大数据管理局机关委员会",
            ["办公室党支部", "政务服务管理科党支部", "大数据发展科党支部", "电子政务科党支部"], ["政务服务窗口党支部", "12345热线党支部"], true)),
        ("XX市机关事务管理局", "市机关事务局", "JGSWJ", new("中共XX市机关事务管理局机关委员会",
            ["机关第一党支部", "机关第二党支部", "公务用车服务中心党支部", "机关食堂党支部", "物业管理党支部", "节能办党支部"], [], false)),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.PlatformRoles)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        if (await users.FindByNameAsync(Accounts[0].UserName) is not null) return;

        var agencies = new List<Agency>();
        foreach (var (name, shortName, code, _) in DemoAgencies.Take(Math.Clamp(options.DemoAgencyCount, 1, DemoAgencies.Count)))
        {
            var a = new Agency { Name = name, ShortName = shortName, Code = code };
            db.Agencies.Add(a);
            agencies.Add(a);
        }
        await db.SaveChangesAsync(ct);
        var agency = agencies[0];

        foreach (var a in Accounts)
        {
            var user = new PortalUser { UserName = a.UserName, DisplayName = a.DisplayName, LastAgencyId = a.AgencyRoles is null ? null : agency.Id };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException("Demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            if (a.PlatformRole is not null) await users.AddToRoleAsync(user, a.PlatformRole);
            if (a.AgencyRoles is not null)
                db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agency.Id, UserId = user.Id, Roles = a.AgencyRoles });
            // The Party office's administrator also serves a second agency, to show switching.
            if (a.UserName == "office")
                if (agencies.Count > 1) db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agencies[1].Id, UserId = user.Id, Roles = a.AgencyRoles! });
        }
        var switchedAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var a in agencies)
        foreach (var plugin in catalog.Running)
        {
            db.AgencyModules.Add(new AgencyModule { AgencyId = a.Id, ModuleId = plugin.Id, Allowed = true, Enabled = true, UpdatedAt = switchedAt });
        }
        await db.SaveChangesAsync(ct);
        await SeedDirectoriesAsync(agencies, ct);
        await Oversight.CommitteeTaskDemoData.SeedAsync(db, agencies.Select(a => a.Id).ToList(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IAgencyClock>().Today, ct);
        await PartyDirectory.TransferDemoData.SeedAsync(services, agencies.Select(a => (a.Id, a.Name)).ToList(), services.GetRequiredService<IAgencyClock>().Today, ct);
        // The sample relying party under tools/ (a public client: PKCE, no secret).
        await clients.CreateAsync(new Oidc.ClientForm
        {
            ClientId = "sample-client", DisplayName = "示例应用", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = SampleClientUrl + "/signin-oidc", PostLogoutRedirectUris = SampleClientUrl + "/signout-callback-oidc",
            Scopes = ["openid", "profile", "roles", "agency", "offline_access"],
        }, ct);
        var modules = services.GetRequiredService<ModuleDemoData>();
        foreach (var a in agencies) await modules.SeedDemoAgencyAsync(a.Id, ct);
    }

    /// <summary>Each agency's organisation tree and roster; the demo accounts are linked to member records.</summary>
    private async Task SeedDirectoriesAsync(IReadOnlyList<Agency> agencies, CancellationToken ct)
    {
        var today = services.GetRequiredService<IAgencyClock>().Today;
        for (var i = 0; i < agencies.Count; i++)
        {
            var agency = agencies[i];
            using var _ = AgencyScope.Use(agency.Id, agency.ShortName);
            await using var scope = services.CreateAsyncScope();
            var demo = scope.ServiceProvider.GetRequiredService<PartyDirectory.DirectoryDemoData>();
            var result = await demo.SeedAsync(DemoAgencies[i].Plan, seed: 20260000 + i, today, ct: ct);
            if (i != 0) continue;
            var directory = scope.ServiceProvider.GetRequiredService<PartyDirectory.DirectoryDbContext>();
            var firstBranch = result.BranchIds[0];
            async Task Link(string userName, int memberId, string displayName)
            {
                var user = await users.FindByNameAsync(userName);
                var member = await directory.Members.SingleAsync(m => m.Id == memberId, ct);
                member.UserId = user!.Id;
                member.Name = displayName;
            }
            await Link("secretary", result.SecretaryByBranch[firstBranch], "张国强");
            var ordinary = await directory.Members.Where(m => m.OrganizationId == firstBranch && m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal)
                .Where(m => !directory.Posts.Any(p => p.MemberId == m.Id)).Select(m => m.Id).FirstAsync(ct);
            await Link("member", ordinary, "李晓梅");
            var officeBranch = result.BranchIds[2];
            var clerk = await directory.Members.Where(m => m.OrganizationId == officeBranch && m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal)
                .Where(m => !directory.Posts.Any(p => p.MemberId == m.Id)).Select(m => m.Id).FirstAsync(ct);
            await Link("office", clerk, "王建华");
            var inspector = await directory.Members.Where(m => m.OrganizationId == officeBranch && m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal && m.Id != clerk)
                .Where(m => !directory.Posts.Any(p => p.MemberId == m.Id)).Select(m => m.Id).FirstAsync(ct);
            await Link("jijian", inspector, "刘纪平");
            // The agency committee's secretary: a plain member account whose committee post (not a role) opens the integrity talks.
            var committeeSecretary = await directory.Members.Where(m => m.OrganizationId == officeBranch && m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal && m.Id != clerk && m.Id != inspector)
                .Where(m => !directory.Posts.Any(p => p.MemberId == m.Id)).Select(m => m.Id).FirstAsync(ct);
            await Link("shuji", committeeSecretary, "陈立新");
            var committeeTerm = await directory.Organizations.Where(o => o.Id == result.CommitteeId).Select(o => o.TermStart).SingleAsync(ct);
            directory.Posts.Add(new PartyDirectory.OrganizationPost { OrganizationId = result.CommitteeId, MemberId = committeeSecretary, Post = CommitteePost.Secretary, Since = committeeTerm });
            await directory.SaveChangesAsync(ct);
        }
    }
}
