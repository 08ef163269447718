namespace Modular.Modules.Volunteer.Services;

/// <summary>Offers published and finished activities to other modules (civilization creation links them instead of re-entering them).</summary>
public sealed class ActivityRecordSource(VolunteerDbContext db) : ISharedRecordSource
{
    public const string ActivityKindName = "volunteer.activity";

    public string ModuleId => VolunteerModule.Id;
    public string Kind => ActivityKindName;
    public LocalizedText Name => new("志愿服务活动", "Volunteer activity");
    public string? Permission => VolunteerModule.ViewPermission;

    private IQueryable<Activity> Shared => db.Activities.AsNoTracking()
        .Where(a => a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Finished);

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken)
    {
        var q = Shared;
        if (query.From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue); q = q.Where(a => a.StartsAt >= f); }
        if (query.To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue); q = q.Where(a => a.StartsAt < t); }
        if (!string.IsNullOrWhiteSpace(query.Text)) { var text = query.Text.Trim(); q = q.Where(a => a.Title.Contains(text) || a.Place.Contains(text)); }
        var rows = await q.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Take(query.Take).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    public async Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var numbers = ids.Select(i => int.TryParse(i, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
        if (numbers.Count == 0) return [];
        var rows = await Shared.Where(a => numbers.Contains(a.Id)).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    private static SharedRecord ToRecord(Activity a) => new(ActivityKindName, a.Id.ToString(), a.Title, DateOnly.FromDateTime(a.StartsAt), a.Place,
        Places.DetailsUrl(a.Id), a.Description is { Length: > 120 } d ? d[..120] + "…" : a.Description);
}
