namespace Modular.Modules.Study.Pages;

/// <summary>My tests: those open to me (started or not), and the ones I took with their results.</summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class IndexModel(StudyDbContext db, StudyAccess access, IAgencyClock clock) : PageModel
{
    public sealed record Row(StudyTest Test, Attempt? Attempt, TestState State);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasMember { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await access.MeAsync(ct) is not { } me) return;
        HasMember = true;
        var now = clock.LocalNow;
        var since = now.AddYears(-1);
        var tests = await db.Tests.AsNoTracking().Where(t => t.Closes >= since).OrderByDescending(t => t.Opens).Take(100).ToListAsync(ct);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.MemberId == me.Id).ToDictionaryAsync(a => a.TestId, ct);
        var rows = new List<Row>();
        foreach (var t in tests)
        {
            var attempt = attempts.GetValueOrDefault(t.Id);
            if (attempt is null && !await access.TakesAsync(t, me.Id, ct)) continue;
            rows.Add(new Row(t, attempt, TestWindow.State(t.Opens, t.Closes, now)));
        }
        Rows = rows;
    }
}
