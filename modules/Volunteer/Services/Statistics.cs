namespace Modular.Modules.Volunteer.Services;

/// <summary>Activities, participants and hours per month and per branch, for the organisations the user may see.</summary>
public sealed class Statistics(VolunteerDbContext db, PeopleLookup people, VolunteerAccess access, ICurrentMember member, IModuleSettings settings, IAgencyCache cache)
{
    public sealed record Month(int Number, int Activities, int Participants, decimal Hours);
    public sealed record Branch(int? OrganizationId, string Name, int Activities, int Participants, decimal Hours);
    public sealed record Ranked(int MemberId, string Name, string Branch, decimal Hours, int Activities);

    public sealed record Report(int Year, IReadOnlyList<Month> Months, IReadOnlyList<Branch> Branches, IReadOnlyList<Ranked>? Ranking,
        int Activities, int Participants, decimal Hours);

    public bool RankingsOn => settings.GetBool(VolunteerModule.Id, VolunteerModule.RankingsSetting);

    /// <returns>Null when the user may see no organisation's figures.</returns>
    public async Task<Report?> ForYearAsync(int year, int? organizationId, CancellationToken ct = default)
    {
        var scope = await member.GetScopeAsync(ct);
        var agencyWide = access.IsManager || scope.AgencyWide;
        if (!agencyWide && scope.OrganizationIds.Count == 0) return null;
        // The same figures for everyone who sees the same organisations, until the agency's data changes.
        var seen = agencyWide ? "all" : string.Join(',', scope.OrganizationIds.Order());
        return await cache.GetOrCreateAsync($"{VolunteerModule.Id}:stats:{year}:{organizationId}:{seen}:{RankingsOn}",
            c => ComputeAsync(year, organizationId, agencyWide, scope.OrganizationIds, c), ct);
    }

    private async Task<Report?> ComputeAsync(int year, int? organizationId, bool agencyWide, IReadOnlySet<int> visible, CancellationToken ct)
    {
        var orgs = await people.OrganizationsByIdAsync(ct);
        bool Visible(int? branchId) => agencyWide || (branchId is { } b && visible.Contains(b));
        bool Chosen(int? branchId) => organizationId is null || branchId == organizationId;

        var first = new DateTime(year, 1, 1);
        var last = first.AddYears(1);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Finished && a.StartsAt >= first && a.StartsAt < last)
            .Select(a => new { a.Id, a.StartsAt, a.OrganizationId }).ToListAsync(ct);
        var served = await (from s in db.SignUps.AsNoTracking()
                            join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
                            where a.Status == ActivityStatus.Finished && a.StartsAt >= first && a.StartsAt < last
                                  && s.Status == SignUpStatus.Accepted && s.Hours != null
                            select new { s.MemberId, a.StartsAt, s.Hours, a.Id }).ToListAsync(ct);
        var rows = new List<(int MemberId, int? Branch, DateTime StartsAt, decimal Hours, int ActivityId)>();
        await people.NamesAsync(served.Select(s => s.MemberId), ct);
        foreach (var s in served)
        {
            var branch = await people.BranchOfAsync(s.MemberId, ct);
            if (Visible(branch) && Chosen(branch)) rows.Add((s.MemberId, branch, s.StartsAt, s.Hours!.Value, s.Id));
        }
        var ownActivities = activities.Where(a => Visible(a.OrganizationId) && Chosen(a.OrganizationId)).ToList();

        var months = Enumerable.Range(1, 12).Select(m => new Month(m,
            ownActivities.Count(a => a.StartsAt.Month == m),
            rows.Where(r => r.StartsAt.Month == m).Select(r => r.MemberId).Distinct().Count(),
            rows.Where(r => r.StartsAt.Month == m).Sum(r => r.Hours))).ToList();

        var branchIds = rows.Select(r => r.Branch).Concat(ownActivities.Select(a => a.OrganizationId)).Distinct();
        var branches = branchIds.Select(b => new Branch(b,
                b is { } id && orgs.TryGetValue(id, out var o) ? o.Name : "",
                ownActivities.Count(a => a.OrganizationId == b),
                rows.Where(r => r.Branch == b).Select(r => r.MemberId).Distinct().Count(),
                rows.Where(r => r.Branch == b).Sum(r => r.Hours)))
            .OrderByDescending(b => b.Hours).ThenBy(b => b.Name).ToList();

        List<Ranked>? ranking = null;
        if (RankingsOn)
        {
            ranking = [];
            foreach (var g in rows.GroupBy(r => r.MemberId).OrderByDescending(g => g.Sum(r => r.Hours)).Take(10))
                ranking.Add(new Ranked(g.Key, await people.NameAsync(g.Key, ct), await people.OrganizationNameAsync(g.First().Branch, ct),
                    g.Sum(r => r.Hours), g.Select(r => r.ActivityId).Distinct().Count()));
        }
        return new Report(year, months, branches, ranking, ownActivities.Count, rows.Select(r => r.MemberId).Distinct().Count(), rows.Sum(r => r.Hours));
    }
}
