namespace Modular.Modules.Study;

/// <summary>The open tests the current member takes and has not submitted (for the card and the to-do centre).</summary>
public sealed class MyOpenTests(StudyDbContext db, StudyAccess access, IAgencyClock clock)
{
    public async Task<IReadOnlyList<StudyTest>> ListAsync(CancellationToken ct)
    {
        if (await access.MeAsync(ct) is not { } me) return [];
        var now = clock.LocalNow;
        var open = await db.Tests.AsNoTracking().Where(t => t.Opens <= now && t.Closes > now).OrderBy(t => t.Closes).Take(20).ToListAsync(ct);
        var done = await db.Attempts.AsNoTracking().Where(a => a.MemberId == me.Id && a.SubmittedAt != null).Select(a => a.TestId).ToListAsync(ct);
        var mine = new List<StudyTest>();
        foreach (var t in open.Where(t => !done.Contains(t.Id)))
            if (await access.TakesAsync(t, me.Id, ct)) mine.Add(t);
        return mine;
    }
}

/// <summary>Dashboard card: my open tests; for the office, this year's sessions against the plans.</summary>
public sealed class StudyWidget(MyOpenTests tests, IStringLocalizer<StudyModule> T) : IDashboardWidget
{
    public string ModuleId => StudyModule.Id;
    public string? Permission => StudyModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var open = await tests.ListAsync(cancellationToken);
        var metrics = new List<WidgetMetric>
        {
            new(new LocalizedText("待参加的测试", "Tests to take"), open.Count.ToString(), open.Count > 0 ? Tone.Info : Tone.Good, StudyModule.Links.Home),
        };
        var lines = open.Take(3).Select(t => new WidgetLine(T["{0} (closes {1:yyyy-MM-dd HH:mm})", t.Title, t.Closes], StudyModule.Links.Page($"/Take/{t.Id}"), DateOnly.FromDateTime(t.Closes), Tone.Info)).ToList();
        return new WidgetContent(new LocalizedText("理论学习", "Study"), StudyModule.Links.Home) { Metrics = metrics, Lines = lines };
    }
}

/// <summary>To-do entries: each open test I take and have not submitted, due when it closes.</summary>
public sealed class StudyTodo(MyOpenTests tests, IStringLocalizer<StudyModule> T) : ITodoProvider
{
    public string ModuleId => StudyModule.Id;
    public string? Permission => StudyModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken) =>
        (await tests.ListAsync(cancellationToken))
            .Select(t => new TodoItem(T["Take the test: {0}", t.Title], StudyModule.Links.Page($"/Take/{t.Id}"), DateOnly.FromDateTime(t.Closes))).ToList();
}
