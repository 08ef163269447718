using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Shell.Navigation;

public sealed record AgencyChoice(int Id, string Name);

/// <summary>The agencies the signed-in user belongs to (active ones), for the header switcher.</summary>
public sealed class AgencySwitcher(HostDbContext db, ICurrentUser user, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    /// <summary>Shown on every page: kept for half a minute per user (switching itself re-checks membership).</summary>
    public async Task<IReadOnlyList<AgencyChoice>> GetAgenciesAsync()
    {
        if (user.Id is not { } id) return [];
        return (await cache.GetOrCreateAsync("agency-choices:" + id, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            return (IReadOnlyList<AgencyChoice>)await db.HonouredMemberships().AsNoTracking()
                .Where(m => m.UserId == id && m.Agency!.Status == AgencyStatus.Active)
                .OrderBy(m => m.AgencyId)
                .Select(m => new AgencyChoice(m.AgencyId, m.Agency!.ShortName == "" ? m.Agency.Name : m.Agency.ShortName))
                .ToListAsync();
        }))!;
    }
}
