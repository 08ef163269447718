namespace Modular.Modules.Volunteer.Services;

/// <summary>A member's volunteer record: what they served in and the hours credited, by year.</summary>
public static class MemberRecord
{
    public sealed record Line(int ActivityId, string Title, ActivityKind Kind, string Place, DateTime StartsAt, ActivityStatus ActivityStatus,
        SignUpStatus Status, DateTime? CheckedInAt, DateTime? CheckedOutAt, decimal? Hours, string? AdjustReason);

    public sealed record Year(int Number, int Activities, decimal Hours);

    /// <summary>Every sign-up of the member that was not given up, newest first.</summary>
    public static Task<List<Line>> LinesAsync(VolunteerDbContext db, int memberId, int? year, CancellationToken ct)
    {
        var query = from s in db.SignUps.AsNoTracking()
                    join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
                    where s.MemberId == memberId && s.Status != SignUpStatus.Cancelled && a.Status != ActivityStatus.Draft
                    select new { s, a };
        if (year is { } y)
        {
            var first = new DateTime(y, 1, 1);
            var last = first.AddYears(1);
            query = query.Where(x => x.a.StartsAt >= first && x.a.StartsAt < last);
        }
        return query.OrderByDescending(x => x.a.StartsAt).Select(x => new Line(x.a.Id, x.a.Title, x.a.Kind, x.a.Place, x.a.StartsAt, x.a.Status,
            x.s.Status, x.s.CheckedInAt, x.s.CheckedOutAt, x.s.Hours, x.s.HoursAdjustReason)).ToListAsync(ct);
    }

    /// <summary>Activities served (hours credited) and hours, per year, newest first.</summary>
    public static async Task<List<Year>> YearsAsync(VolunteerDbContext db, int memberId, CancellationToken ct) =>
        Summarise(await LinesAsync(db, memberId, null, ct));

    public static List<Year> Summarise(IEnumerable<Line> lines) =>
        lines.Where(Served).GroupBy(l => l.StartsAt.Year).OrderByDescending(g => g.Key)
            .Select(g => new Year(g.Key, g.Count(), g.Sum(l => l.Hours!.Value))).ToList();

    /// <summary>Served: held a place and was credited hours.</summary>
    public static bool Served(Line l) => l.Status == SignUpStatus.Accepted && l.Hours is not null && l.ActivityStatus != ActivityStatus.Cancelled;
}
