using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Oversight;

/// <summary>Which modules' indicators an agency shares with the organ work committee: all that are on, unless it opts out.</summary>
public sealed class IndicatorSharing(HostDbContext db, IndicatorCollector collector)
{
    public sealed record Row(string ModuleId, string Name, bool Shared);

    public async Task<IReadOnlyList<Row>> RowsAsync(int agencyId, CancellationToken ct)
    {
        var withheld = await WithheldAsync(agencyId, ct);
        return (await collector.ShareableModulesAsync(agencyId, ct)).Select(m => new Row(m.ModuleId, m.Name, !withheld.Contains(m.ModuleId))).ToList();
    }

    /// <summary>Shares exactly <paramref name="shared"/> of the agency's shareable modules; ids it cannot share are ignored.</summary>
    public async Task SaveAsync(int agencyId, IReadOnlyCollection<string> shared, CancellationToken ct)
    {
        var shareable = (await collector.ShareableModulesAsync(agencyId, ct)).Select(m => m.ModuleId).ToList();
        var existing = await db.IndicatorOptOuts.Where(o => o.AgencyId == agencyId).ToListAsync(ct);
        foreach (var o in existing.Where(o => shared.Contains(o.ModuleId))) db.IndicatorOptOuts.Remove(o);
        foreach (var m in shareable.Where(m => !shared.Contains(m) && existing.All(o => o.ModuleId != m)))
            db.IndicatorOptOuts.Add(new IndicatorOptOut { AgencyId = agencyId, ModuleId = m });
        await db.SaveChangesAsync(ct);
    }

    private async Task<HashSet<string>> WithheldAsync(int agencyId, CancellationToken ct) =>
        (await db.IndicatorOptOuts.AsNoTracking().Where(o => o.AgencyId == agencyId).Select(o => o.ModuleId).ToListAsync(ct)).ToHashSet();
}
