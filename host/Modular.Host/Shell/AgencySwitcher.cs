using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Shell;

public sealed record AgencyChoice(int Id, string Name);

/// <summary>The agencies the signed-in user belongs to (active ones), for the header switcher.</summary>
public sealed class AgencySwitcher(HostDbContext db, ICurrentUser user)
{
    private IReadOnlyList<AgencyChoice>? _cached;

    public async Task<IReadOnlyList<AgencyChoice>> GetAgenciesAsync()
    {
        if (_cached is not null) return _cached;
        if (user.Id is not { } id) return [];
        _cached = await db.AgencyMemberships.AsNoTracking()
            .Where(m => m.UserId == id && m.Agency!.Status == AgencyStatus.Active)
            .OrderBy(m => m.AgencyId)
            .Select(m => new AgencyChoice(m.AgencyId, m.Agency!.ShortName == "" ? m.Agency.Name : m.Agency.ShortName))
            .ToListAsync();
        return _cached;
    }
}
