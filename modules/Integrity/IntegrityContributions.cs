namespace Modular.Modules.Integrity;

/// <summary>Dashboard card: the year's warning education against the target, overdue rectification, the next festival reminder.</summary>
public sealed class IntegrityWidget(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, IModuleSettings settings, FestivalPlanner festivals,
    IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IDashboardWidget
{
    public string ModuleId => IntegrityModule.Id;
    public string? Permission => IntegrityModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;
    internal static readonly string OverdueItems = IntegrityModule.Links.Page("/Rectifications", new { show = "overdue" });

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = clock.Today;
        var target = Math.Max(1, settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting));
        var held = await WarningProgress.HeldAsync(db, today.Year, today, ct);
        var metrics = new List<WidgetMetric>
        {
            new(new LocalizedText("今年警示教育", "Warning education this year"), $"{held}/{target}", held >= target ? Tone.Good : Tone.Warning, IntegrityModule.Links.Page("/Warning")),
        };
        var me = await currentMember.GetAsync(ct);
        var overdue = access.IsManager
            ? await db.Rectifications.CountAsync(r => r.Status == RectificationStatus.Open && r.Deadline < today, ct)
            : me is null ? 0 : await db.Rectifications.CountAsync(r => r.OwnerMemberId == me.Id && r.Status == RectificationStatus.Open && r.Deadline < today, ct);
        metrics.Add(new(new LocalizedText("逾期整改事项", "Overdue rectification"), overdue.ToString(), overdue > 0 ? Tone.Danger : Tone.Good, OverdueItems));
        var lines = new List<WidgetLine>();
        var next = (await festivals.ForYearAsync(today.Year, ct)).Concat(await festivals.ForYearAsync(today.Year + 1, ct))
            .Where(f => f.Enabled && f.Date >= today).OrderBy(f => f.Date).FirstOrDefault();
        if (next is not null)
            lines.Add(new WidgetLine(T["Festival reminder: {0} ({1} days before)", T[Labels.Festival(next.Festival)].Value, next.DaysBefore],
                IntegrityModule.Links.Page("/Festivals"), next.Date, Tone.Info));
        return new WidgetContent(new LocalizedText("廉政教育", "Anti-corruption education"), IntegrityModule.Links.Home) { Metrics = metrics, Lines = lines };
    }
}

/// <summary>To-do entries: my risk points to review (in the round, or overdue), my open rectification items; for the office, overdue items of the agency.</summary>
public sealed class IntegrityTodo(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : ITodoProvider
{
    public string ModuleId => IntegrityModule.Id;
    public string? Permission => IntegrityModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var items = new List<TodoItem>();
        var today = clock.Today;
        if (await currentMember.GetAsync(ct) is { } me)
        {
            var pending = await (from r in db.Reviews.AsNoTracking()
                                 join round in db.ReviewRounds.AsNoTracking() on r.RoundId equals round.Id
                                 join risk in db.Risks.AsNoTracking() on r.RiskId equals risk.Id
                                 where r.OwnerMemberId == me.Id && r.Outcome == ReviewOutcome.Pending
                                 orderby round.Deadline
                                 select new { r.RiskId, risk.Post, round.Year, round.Deadline }).Take(20).ToListAsync(ct);
            foreach (var p in pending)
                items.Add(new TodoItem(T["Review the risk point: {0} ({1} round)", p.Post, p.Year], IntegrityModule.Links.Page("/Risks/Review"), p.Deadline));
            var inRound = pending.Select(p => p.RiskId).ToHashSet();
            var due = await db.Risks.AsNoTracking().Where(r => r.OwnerMemberId == me.Id && r.NextReviewDate < today)
                .OrderBy(r => r.NextReviewDate).Select(r => new { r.Id, r.Post, r.NextReviewDate }).Take(20).ToListAsync(ct);
            foreach (var r in due.Where(r => !inRound.Contains(r.Id)))
                items.Add(new TodoItem(T["Review overdue: {0}", r.Post], IntegrityModule.Links.Page($"/Risks/Edit/{r.Id}"), r.NextReviewDate));
            var open = await db.Rectifications.AsNoTracking().Where(r => r.OwnerMemberId == me.Id && r.Status == RectificationStatus.Open)
                .OrderBy(r => r.Deadline).Select(r => new { r.Id, r.Finding, r.Deadline }).Take(20).ToListAsync(ct);
            foreach (var r in open)
                items.Add(new TodoItem(T["Rectify: {0}", Short(r.Finding)], IntegrityModule.Links.Page($"/Rectifications/Details/{r.Id}"), r.Deadline));
        }
        if (access.IsManager)
        {
            var overdue = await db.Rectifications.AsNoTracking().Where(r => r.Status == RectificationStatus.Open && r.Deadline < today)
                .OrderBy(r => r.Deadline).Select(r => r.Deadline).ToListAsync(ct);
            if (overdue.Count > 0)
                items.Add(new TodoItem(T["{0} rectification items are overdue", overdue.Count], IntegrityWidget.OverdueItems, overdue[0]));
            var late = await (from r in db.Reviews.AsNoTracking()
                              join round in db.ReviewRounds.AsNoTracking() on r.RoundId equals round.Id
                              where r.Outcome == ReviewOutcome.Pending && round.Deadline < today
                              group r by new { round.Year, round.Deadline } into g
                              select new { g.Key.Year, g.Key.Deadline, Count = g.Count() }).ToListAsync(ct);
            foreach (var l in late)
                items.Add(new TodoItem(T["{0} points of the {1} review round are overdue", l.Count, l.Year], IntegrityModule.Links.Page("/Risks/Review", new { show = "pending" }), l.Deadline));
            var overdueReviews = await db.Risks.AsNoTracking().Where(r => r.NextReviewDate < today).OrderBy(r => r.NextReviewDate).Select(r => r.NextReviewDate).ToListAsync(ct);
            if (overdueReviews.Count > 0)
                items.Add(new TodoItem(T["{0} risk points are past their review date", overdueReviews.Count], IntegrityModule.Links.Page("/Risks", new { show = "overdue" }), overdueReviews[0]));
        }
        return items;
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}

/// <summary>Warning education held in a year (sessions on or before today), against the agency's target.</summary>
public static class WarningProgress
{
    public static Task<int> HeldAsync(IntegrityDbContext db, int year, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return db.WarningSessions.CountAsync(w => w.Date >= from && w.Date <= to && w.Date <= today, ct);
    }
}
