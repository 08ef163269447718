namespace Modular.Modules.Volunteer.Services;

/// <summary>Offers published and finished activities to other modules (civilization creation links them instead of re-entering them).</summary>
public sealed class ActivityRecordSource(VolunteerDbContext db) : ISharedRecordSource
{
    public const string ActivityKindName = SharedRecordKinds.VolunteerActivity;

    public string ModuleId => VolunteerModule.Id;
    public string Kind => ActivityKindName;
    public LocalizedText Name => new("志愿服务活动", "Volunteer activity");
    public string? Permission => VolunteerModule.ViewPermission;

    private IQueryable<Activity> Shared => db.Activities.AsNoTracking()
        .Where(a => a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Finished);

    public Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken) =>
        ActivityRecords.SearchAsync(db, Shared, Kind, query, cancellationToken);

    public Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ActivityRecords.GetAsync(db, Shared, Kind, ids, cancellationToken);
}

/// <summary>Activities as shared records, with their attendance: places taken (expected) and those checked in (present).</summary>
internal static class ActivityRecords
{
    public static async Task<IReadOnlyList<SharedRecord>> SearchAsync(VolunteerDbContext db, IQueryable<Activity> q, string kind, SharedRecordQuery query, CancellationToken ct)
    {
        if (query.From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue); q = q.Where(a => a.StartsAt >= f); }
        if (query.To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue); q = q.Where(a => a.StartsAt < t); }
        if (!string.IsNullOrWhiteSpace(query.Text)) { var text = query.Text.Trim(); q = q.Where(a => a.Title.Contains(text) || a.Place.Contains(text)); }
        var rows = await q.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Take(query.Take).ToListAsync(ct);
        return await ToRecordsAsync(db, rows, kind, ct);
    }

    public static async Task<IReadOnlyList<SharedRecord>> GetAsync(VolunteerDbContext db, IQueryable<Activity> q, string kind, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var numbers = ids.Select(i => int.TryParse(i, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
        if (numbers.Count == 0) return [];
        return await ToRecordsAsync(db, await q.Where(a => numbers.Contains(a.Id)).ToListAsync(ct), kind, ct);
    }

    private static async Task<IReadOnlyList<SharedRecord>> ToRecordsAsync(VolunteerDbContext db, List<Activity> rows, string kind, CancellationToken ct)
    {
        var ids = rows.Select(a => a.Id).ToList();
        var counts = (await db.SignUps.AsNoTracking().Where(s => ids.Contains(s.ActivityId) && s.Status == SignUpStatus.Accepted)
                .GroupBy(s => s.ActivityId).Select(g => new { Id = g.Key, Expected = g.Count(), Present = g.Count(s => s.CheckedInAt != null) }).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        return rows.Select(a => new SharedRecord(kind, a.Id.ToString(), a.Title, DateOnly.FromDateTime(a.StartsAt), a.Place,
            Places.DetailsUrl(a.Id), a.Description is { Length: > 120 } d ? d[..120] + "…" : a.Description)
        {
            OrganizationId = a.OrganizationId,
            Type = a.CountsAsThemePartyDay ? SharedRecordTypes.ThemePartyDay : null,
            Attendance = counts.TryGetValue(a.Id, out var c) ? new SharedAttendance(c.Expected, c.Present) : new SharedAttendance(0, 0),
        }).ToList();
    }
}
