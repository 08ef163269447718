namespace Modular.Modules.Volunteer.Services;

/// <summary>
/// Finished activities counted as their branch's theme Party day (计为主题党日), for org-life's compliance: the branch
/// is <see cref="SharedRecord.OrganizationId"/>, so org-life needs no second record of the day.
/// </summary>
public sealed class ThemeDayRecordSource(VolunteerDbContext db) : ISharedRecordSource
{
    public string ModuleId => VolunteerModule.Id;
    public string Kind => SharedRecordKinds.VolunteerThemeDay;
    public LocalizedText Name => new("计为主题党日的志愿服务活动", "Volunteer activity counted as a theme Party day");
    public string? Permission => VolunteerModule.ViewPermission;

    private IQueryable<Activity> Counted => db.Activities.AsNoTracking()
        .Where(a => a.Status == ActivityStatus.Finished && a.CountsAsThemePartyDay && a.OrganizationId != null);

    public Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken) =>
        ActivityRecords.SearchAsync(db, Counted, Kind, query, cancellationToken);

    public Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ActivityRecords.GetAsync(db, Counted, Kind, ids, cancellationToken);
}
