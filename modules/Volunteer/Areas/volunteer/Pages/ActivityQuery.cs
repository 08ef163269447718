namespace Modular.Modules.Volunteer.Pages;

/// <summary>A row of the activity list (init properties, so that the database can sort by them).</summary>
public sealed record ActivityRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public ActivityKind Kind { get; init; }
    public string Place { get; init; } = "";
    public DateTime StartsAt { get; init; }
    public DateTime EndsAt { get; init; }
    public DateTime SignUpDeadline { get; init; }
    public int Capacity { get; init; }
    public int Accepted { get; init; }
    public int Waiting { get; init; }
    public ActivityStatus Status { get; init; }
    public int? OrganizationId { get; init; }
    /// <summary>The current member's sign-up, if any.</summary>
    public SignUpStatus? Mine { get; init; }
}

/// <summary>The activity list's rows, counted by the database.</summary>
public static class ActivityQuery
{
    public static IQueryable<ActivityRow> Rows(VolunteerDbContext db, IQueryable<Activity> activities, int? memberId) =>
        activities.Select(a => new ActivityRow
        {
            Id = a.Id, Title = a.Title, Kind = a.Kind, Place = a.Place, StartsAt = a.StartsAt, EndsAt = a.EndsAt, SignUpDeadline = a.SignUpDeadline,
            Capacity = a.Capacity, Status = a.Status, OrganizationId = a.OrganizationId,
            Accepted = db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Accepted),
            Waiting = db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Waiting),
            Mine = db.SignUps.Where(s => s.ActivityId == a.Id && s.MemberId == memberId && s.Status != SignUpStatus.Cancelled).Select(s => (SignUpStatus?)s.Status).FirstOrDefault(),
        });
}
