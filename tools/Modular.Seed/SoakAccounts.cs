using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

/// <summary>
/// Accounts for the soak run of Modular.Bench: the Party office, branch secretaries and members of one agency, each
/// linked to a member of the directory so that the modules know who signs in.
/// </summary>
static class SoakAccounts
{
    public const string Password = "Bench@2026";

    public static async Task CreateAsync(IServiceProvider services, int agencyId, int agencyNumber, int count, DirectoryDemoData.Result directory)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var host = services.GetRequiredService<HostDbContext>();
        var members = services.GetRequiredService<DirectoryDbContext>();
        var office = Math.Max(1, count / 10);
        var secretaries = Math.Min(directory.SecretaryByBranch.Count, Math.Max(1, count * 15 / 100));
        var plain = Math.Max(0, count - office - secretaries);
        var withPost = await members.Posts.Select(p => p.MemberId).ToListAsync();
        // Ordinary full members of the branches, the first ones of each branch in turn, none holding a post.
        var ordinary = await members.Members
            .Where(m => m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal && m.UserId == null && !withPost.Contains(m.Id))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(plain + office).ToListAsync();
        var prefix = $"a{agencyNumber:D2}";
        var accounts = new List<(string Name, int MemberId, string Roles)>();
        accounts.AddRange(ordinary.Take(office).Select((m, k) => ($"{prefix}-office{k + 1}", m, $"{Roles.AgencyAdmin},{Roles.Member}")));
        accounts.AddRange(directory.SecretaryByBranch.Values.Take(secretaries).Select((m, k) => ($"{prefix}-sec{k + 1}", m, Roles.Member)));
        accounts.AddRange(ordinary.Skip(office).Select((m, k) => ($"{prefix}-m{k + 1:D2}", m, Roles.Member)));
        foreach (var (name, memberId, roles) in accounts)
        {
            if (await users.FindByNameAsync(name) is not null) continue;
            var user = new PortalUser { UserName = name, DisplayName = name, LastAgencyId = agencyId };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            host.AgencyMemberships.Add(new AgencyMembership { AgencyId = agencyId, UserId = user.Id, Roles = roles });
            var member = await members.Members.SingleAsync(m => m.Id == memberId);
            member.UserId = user.Id;
        }
        await host.SaveChangesAsync();
        await members.SaveChangesAsync();
    }
}
