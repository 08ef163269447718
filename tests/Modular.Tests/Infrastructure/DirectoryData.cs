using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

/// <summary>Members of the Party directory, found or added for a test.</summary>
public static class DirectoryData
{
    public static async Task<int> MemberIdAsync(this PortalFactory portal, string name, int? agencyId = null)
    {
        using var _ = AgencyScope.Use(agencyId ?? await portal.DemoAgencyIdAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.Members.Where(m => m.Name == name).Select(m => m.Id).FirstAsync();
    }

    /// <summary>At least <paramref name="count"/> full members in the demo agency (adds some to its first branch if needed).</summary>
    public static async Task<List<int>> MemberIdsAsync(this PortalFactory portal, int count)
    {
        using var _ = AgencyScope.Use(await portal.DemoAgencyIdAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var ids = await db.Members.Where(m => m.Status == MemberStatus.FullMember).OrderBy(m => m.Id).Select(m => m.Id).Take(count).ToListAsync();
        if (ids.Count < count)
        {
            var branch = await db.Organizations.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var added = Enumerable.Range(0, count - ids.Count).Select(i => new Member { Name = $"测试党员{i:000}", OrganizationId = branch, Status = MemberStatus.FullMember }).ToList();
            db.Members.AddRange(added);
            await db.SaveChangesAsync();
            ids.AddRange(added.Select(m => m.Id));
        }
        return ids;
    }
}
