using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

/// <summary>The Party directory as a test finds, adds or counts its rows: through the directory's DbContext, as the host does.</summary>
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
        var ids = await db.Members.Where(m => m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal).OrderBy(m => m.Id).Select(m => m.Id).Take(count).ToListAsync();
        if (ids.Count < count)
        {
            var branch = await db.Organizations.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var added = Enumerable.Range(0, count - ids.Count).Select(i => new Member { Name = $"测试党员{i:000}", OrganizationId = branch, Stage = MemberStage.FullMember }).ToList();
            db.Members.AddRange(added);
            await db.SaveChangesAsync();
            ids.AddRange(added.Select(m => m.Id));
        }
        return ids;
    }

    /// <summary>An agency's members on the roll: all but those gone from the roster (transferred out, suspended, left, deceased: notices do not reach them).</summary>
    public static Task<int> MembersOnTheRollAsync(this PortalFactory portal, int agencyId) =>
        portal.InDirectoryAsync(db => db.Members.IgnoreQueryFilters()
            .CountAsync(m => m.AgencyId == agencyId && (m.Situation == MemberSituation.Normal || m.Situation == MemberSituation.Mobile || m.Situation == MemberSituation.LostContact || m.Situation == MemberSituation.Abroad)));

    /// <summary>Whether any agency has an organisation of this name.</summary>
    public static Task<bool> OrganizationExistsAsync(this PortalFactory portal, string name) =>
        portal.InDirectoryAsync(db => db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Name == name));

    /// <summary>Renames a member in a unit of work of its own (another request, as far as the caller's scope can tell).</summary>
    public static Task RenameMemberAsync(this PortalFactory portal, int memberId, string name) =>
        portal.InDirectoryAsync(async db =>
        {
            var member = await db.Members.IgnoreQueryFilters().SingleAsync(m => m.Id == memberId);
            member.Name = name;
            return await db.SaveChangesAsync();
        });

    private static Task<T> InDirectoryAsync<T>(this PortalFactory portal, Func<DirectoryDbContext, Task<T>> query) => portal.InContextAsync(query);

    /// <summary>Runs <paramref name="query"/> on a fresh <typeparamref name="TContext"/> of the portal (a unit of work of its own).</summary>
    public static async Task<T> InContextAsync<TContext, T>(this PortalFactory portal, Func<TContext, Task<T>> query) where TContext : DbContext
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
