using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>
/// First-start data for a demo: a platform administrator and one agency with its administrator and a
/// member, every installed module allowed and on, and each module's own demo data for that agency.
/// Runs once: it does nothing when the platform administrator already exists.
/// </summary>
public sealed class DemoSeeder(
    HostDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    PluginCatalog catalog,
    IServiceProvider services,
    Oidc.ClientService clients,
    ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo@2026";

    public sealed record DemoAccount(string UserName, string DisplayName, string Description, string? AgencyRoles, string? PlatformRole = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "系统管理员", "system administrator (系统管理员: agencies, accounts, modules)", null, Roles.PlatformAdmin),
        new("secadmin", "安全管理员", "security administrator (安全管理员: administrators, unlocking)", null, Roles.SecurityAdmin),
        new("auditor", "审计管理员", "audit administrator (审计管理员: audit log only)", null, Roles.AuditAdmin),
        new("office", "王建华", "agency administrator (机关党委办公室)", $"{Roles.AgencyAdmin},{Roles.Member}"),
        new("member", "李晓梅", "Party member (党员)", Roles.Member),
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
        foreach (var a in Accounts.Where(a => a.PlatformRole is not null))
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

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.PlatformRoles)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        if (await users.FindByNameAsync(Accounts[0].UserName) is not null) return;

        var agency = new Agency { Name = "XX市数据资源管理局", ShortName = "市数据资源局", Code = DemoAgencyCode };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);

        foreach (var a in Accounts)
        {
            var user = new PortalUser { UserName = a.UserName, DisplayName = a.DisplayName, LastAgencyId = a.AgencyRoles is null ? null : agency.Id };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException("Demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            if (a.PlatformRole is not null) await users.AddToRoleAsync(user, a.PlatformRole);
            if (a.AgencyRoles is not null)
                db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agency.Id, UserId = user.Id, Roles = a.AgencyRoles });
        }
        foreach (var plugin in catalog.Running)
        {
            db.AgencyModules.Add(new AgencyModule { AgencyId = agency.Id, ModuleId = plugin.Id, Allowed = true, Enabled = true });
        }
        await db.SaveChangesAsync(ct);
        // The sample relying party under tools/ (a public client: PKCE, no secret).
        await clients.CreateAsync(new Oidc.ClientForm
        {
            ClientId = "sample-client", DisplayName = "示例应用", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = SampleClientUrl + "/signin-oidc", PostLogoutRedirectUris = SampleClientUrl + "/signout-callback-oidc",
            Scopes = ["openid", "profile", "roles", "agency", "offline_access"],
        }, ct);
        await SeedModulesAsync(agency, ct);
    }

    /// <summary>Each enabled module seeds its own demo data for the agency; one that fails is logged and skipped.</summary>
    public async Task SeedModulesAsync(Agency agency, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agency.Id, agency.ShortName);
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            if (!catalog.IsRunning(seeder.ModuleId)) continue;
            try
            {
                await seeder.SeedAsync(seed: agency.Id * 7919, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Demo data of module {Module} failed for agency {Agency}", seeder.ModuleId, agency.Id);
            }
        }
    }
}
