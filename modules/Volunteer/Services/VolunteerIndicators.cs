namespace Modular.Modules.Volunteer.Services;

/// <summary>
/// Volunteer service for the organ work committee: hours recorded at check-out in the period's finished activities, for
/// the agency and (where the member belongs) each branch. A plain figure: hours are not judged.
/// </summary>
public sealed class VolunteerIndicators(VolunteerDbContext db, PeopleLookup people) : IIndicatorSource
{
    public const string Hours = "volunteer.hours";

    public string ModuleId => VolunteerModule.Id;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(Hours, new("志愿服务时长", "Volunteer hours"), new("小时", "hours"), new("只计数，不评判", "a count, not judged")),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.From.ToDateTime(TimeOnly.MinValue), period.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var ids = db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Finished && a.StartsAt >= start && a.StartsAt < end).Select(a => a.Id);
        var served = await db.SignUps.AsNoTracking()
            .Where(s => ids.Contains(s.ActivityId) && s.Status == SignUpStatus.Accepted && s.Hours != null)
            .Select(s => new { s.MemberId, Hours = s.Hours!.Value }).ToListAsync(cancellationToken);
        var values = new List<IndicatorValue> { new(Hours, served.Sum(s => s.Hours), IndicatorLight.None) };
        if (period.PerOrganization)
        {
            var members = await people.NamesAsync(served.Select(s => s.MemberId).Distinct(), cancellationToken);
            foreach (var branch in served.Where(s => members.ContainsKey(s.MemberId)).GroupBy(s => members[s.MemberId].OrganizationId))
                values.Add(new IndicatorValue(Hours, branch.Sum(s => s.Hours), IndicatorLight.None) { OrganizationId = branch.Key });
        }
        return values;
    }
}
