namespace Modular.Modules.Development;

/// <summary>Dashboard card: the people on the way per stage and the overdue steps (for those who work on cases), or one's own next step.</summary>
public sealed class DevelopmentWidget(DevelopmentAccess access, DevelopmentDbContext db, IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : IDashboardWidget
{
    public string ModuleId => DevelopmentModule.Id;
    public string? Permission => DevelopmentModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var title = new LocalizedText("发展党员", "Member development");
        var today = clock.Today;
        if (await access.WorksOnCasesAsync(cancellationToken))
        {
            var open = (await access.ManagedAsync(cancellationToken)).Where(c => c.Status == CaseStatus.Open);
            var byStage = await open.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var overdue = await open.CountAsync(c => c.DueDate != null && c.DueDate < today, cancellationToken);
            var metrics = Enum.GetValues<Stage>().Select(s => new WidgetMetric(new LocalizedText(T[Steps.StageName(s)].Value, Steps.StageName(s)),
                byStage.GetValueOrDefault(s).ToString(), Tone.Neutral, DevelopmentModule.Links.Page("/Index", new { stage = s }))).ToList();
            metrics.Add(new WidgetMetric(new LocalizedText("逾期步骤", "Overdue steps"), overdue.ToString(), overdue > 0 ? Tone.Danger : Tone.Good,
                DevelopmentModule.Links.Page("/Index", new { due = true })));
            return new WidgetContent(title, DevelopmentModule.Links.Home) { Metrics = metrics };
        }
        if (await access.MeAsync(cancellationToken) is not { } me) return null;
        var mine = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.MemberId == me, cancellationToken);
        if (mine is null) return null;
        return new WidgetContent(title, DevelopmentModule.Links.Page("/Mine"))
        {
            Lines = [new WidgetLine(T["Step {0}: {1}", mine.LastStep, T[Steps.Get(mine.LastStep).Name]].Value, DevelopmentModule.CaseUrl(mine.Id), mine.LastStepDate)],
        };
    }
}

/// <summary>To-do entries: the deadlines of the cases one works on (due within 30 days or overdue), and one's own request for full membership.</summary>
public sealed class DevelopmentTodo(DevelopmentAccess access, DevelopmentDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : ITodoProvider
{
    public string ModuleId => DevelopmentModule.Id;
    public string? Permission => DevelopmentModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var soon = clock.Today.AddDays(Deadlines.SoonDays);
        var items = new List<TodoItem>();
        if (await access.WorksOnCasesAsync(cancellationToken))
        {
            var due = await (await access.ManagedAsync(cancellationToken))
                .Where(c => c.Status == CaseStatus.Open && c.DueDate != null && c.DueDate <= soon)
                .OrderBy(c => c.DueDate).Take(50).Select(c => new { c.Id, c.MemberId, c.DueStep, c.DueDate }).ToListAsync(cancellationToken);
            var names = await people.NamesAsync(due.Select(d => d.MemberId), cancellationToken);
            items.AddRange(due.Select(d => new TodoItem(
                T["{0}: step {1}, {2}", names.TryGetValue(d.MemberId, out var m) ? m.Name : "—", d.DueStep!.Value, T[Steps.Get(d.DueStep.Value).Name]],
                DevelopmentModule.CaseUrl(d.Id), d.DueDate)));
        }
        if (await access.MeAsync(cancellationToken) is { } me
            && await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.MemberId == me && c.Status == CaseStatus.Open
                && c.DueStep == Steps.FullMembershipRequest && c.DueDate <= soon, cancellationToken) is { } own)
            items.Add(new TodoItem(T["Hand in your written request for full membership"], DevelopmentModule.CaseUrl(own.Id), own.DueDate));
        return items;
    }
}
