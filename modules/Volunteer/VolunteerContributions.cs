namespace Modular.Modules.Volunteer;

/// <summary>Dashboard card: upcoming activities that still have free places.</summary>
public sealed class UpcomingActivitiesWidget(VolunteerDbContext db, ICurrentMember member, IAgencyClock clock) : IDashboardWidget
{
    public string ModuleId => VolunteerModule.Id;
    public string? Permission => VolunteerModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        var open = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Published && a.SignUpDeadline >= now)
            .Select(a => new { a.Id, a.Title, a.StartsAt, Free = a.Capacity - db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Accepted) })
            .Where(a => a.Free > 0).OrderBy(a => a.StartsAt).Take(50).ToListAsync(cancellationToken);
        var me = await member.GetAsync(cancellationToken);
        var mine = me is null ? 0 : await (from s in db.SignUps join a in db.Activities on s.ActivityId equals a.Id
                                           where s.MemberId == me.Id && s.Status != SignUpStatus.Cancelled && a.Status == ActivityStatus.Published && a.EndsAt >= now
                                           select s.Id).CountAsync(cancellationToken);
        return new WidgetContent(new LocalizedText("志愿服务", "Volunteer service"), VolunteerModule.Links.Home)
        {
            Metrics =
            [
                new WidgetMetric(new LocalizedText("可报名活动", "Open for sign-up"), open.Count.ToString(), open.Count > 0 ? Tone.Info : Tone.Neutral, VolunteerModule.Links.Home),
                new WidgetMetric(new LocalizedText("我已报名", "I signed up for"), mine.ToString(), Tone.Neutral, VolunteerModule.Links.Page("/Record/Index")),
            ],
            Lines = open.Take(5).Select(a => new WidgetLine(
                $"{a.Title}（{new LocalizedText($"余 {a.Free} 个名额", $"{a.Free} places left").Current}）", VolunteerModule.Links.Page($"/Activities/Details/{a.Id}"), DateOnly.FromDateTime(a.StartsAt), Tone.Info)).ToList(),
            EmptyText = new LocalizedText("近期没有可报名的志愿服务活动。", "No activity is open for sign-up."),
        };
    }
}

/// <summary>To-do entries: activities I signed up for and activities I organise that need finishing and check-out (notices go to 消息).</summary>
public sealed class VolunteerTodo(VolunteerDbContext db, ICurrentMember member, IAgencyClock clock, IStringLocalizer<VolunteerModule> T) : ITodoProvider
{
    public string ModuleId => VolunteerModule.Id;
    public string? Permission => VolunteerModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        if (await member.GetAsync(cancellationToken) is not { } me) return [];
        var now = clock.LocalNow;
        var items = new List<TodoItem>();
        var signedUp = await (from s in db.SignUps.AsNoTracking() join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
                              where s.MemberId == me.Id && s.Status != SignUpStatus.Cancelled && a.Status == ActivityStatus.Published && a.EndsAt >= now
                              orderby a.StartsAt
                              select new { a.Id, a.Title, a.StartsAt, a.Place, s.Status }).Take(20).ToListAsync(cancellationToken);
        foreach (var a in signedUp)
        {
            var title = a.Status == SignUpStatus.Waiting ? T["Waiting for a place: {0}", a.Title] : T["Volunteer service: {0}", a.Title];
            items.Add(new TodoItem(title, Url(a.Id), DateOnly.FromDateTime(a.StartsAt), $"{a.StartsAt:yyyy-MM-dd HH:mm} {a.Place}"));
        }
        var toFinish = await db.Activities.AsNoTracking()
            .Where(a => a.OrganizerMemberId == me.Id && a.Status == ActivityStatus.Published && a.EndsAt < now)
            .OrderBy(a => a.EndsAt).Select(a => new { a.Id, a.Title, a.EndsAt,
                Open = db.SignUps.Count(s => s.ActivityId == a.Id && s.Status == SignUpStatus.Accepted && s.CheckedInAt != null && s.CheckedOutAt == null) })
            .Take(20).ToListAsync(cancellationToken);
        foreach (var a in toFinish)
            items.Add(new TodoItem(T["Check out and finish: {0}", a.Title], Url(a.Id), DateOnly.FromDateTime(a.EndsAt),
                a.Open > 0 ? T["{0} people still checked in", a.Open].Value : null));
        return items;
    }

    private static string Url(int activityId) => Places.DetailsUrl(activityId);
}
