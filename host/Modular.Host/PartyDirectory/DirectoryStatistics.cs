using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// Counts across agencies for the platform: aggregates only, never a person. The one place that reads
/// the directory without the agency filter, and it returns numbers.
/// </summary>
public sealed class DirectoryStatistics(DirectoryDbContext db)
{
    public sealed record AgencyCounts(int Organizations, int Branches, int PartyMembers);

    public async Task<Dictionary<int, AgencyCounts>> PerAgencyAsync(IReadOnlyCollection<int> agencyIds, CancellationToken ct)
    {
        var ids = agencyIds.ToList();
        var orgs = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.AgencyId))
            .GroupBy(o => o.AgencyId)
            .Select(g => new { g.Key, Count = g.Count(), Branches = g.Count(o => o.Kind == OrganizationKind.Branch) })
            .ToListAsync(ct);
        var members = await db.Members.IgnoreQueryFilters()
            .Where(m => ids.Contains(m.AgencyId)).Where(MemberRules.IsPartyMember)
            .GroupBy(m => m.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ids.ToDictionary(id => id, id =>
        {
            var o = orgs.FirstOrDefault(x => x.Key == id);
            return new AgencyCounts(o?.Count ?? 0, o?.Branches ?? 0, members.GetValueOrDefault(id));
        });
    }
}
