namespace Modular.Modules.Study.Services;

/// <summary>
/// The agency's tests as shared records (<see cref="SharedRecordKinds.StudyTest"/>): integrity shows its knowledge test
/// and counts it in its year without anyone typing it again. Counts only, never who scored what.
/// </summary>
public sealed class StudyTestSource(StudyDbContext db, StudyAccess access) : ISharedRecordSource
{
    public string ModuleId => StudyModule.Id;
    public string Kind => SharedRecordKinds.StudyTest;
    public LocalizedText Name => new("理论学习测试", "Study tests");
    public string? Permission => StudyModule.ViewPermission;

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken)
    {
        var tests = db.Tests.AsNoTracking();
        if (query.From is { } from) tests = tests.Where(t => t.Opens >= from.ToDateTime(TimeOnly.MinValue));
        if (query.To is { } to) tests = tests.Where(t => t.Opens < to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (!string.IsNullOrWhiteSpace(query.Text)) tests = tests.Where(t => t.Title.Contains(query.Text.Trim()));
        var list = await tests.OrderByDescending(t => t.Opens).ThenByDescending(t => t.Id).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(cancellationToken);
        return await RecordsAsync(list, cancellationToken);
    }

    public async Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Select(i => int.TryParse(i, out var id) ? id : 0).Where(i => i > 0).Distinct().ToList();
        var list = await db.Tests.AsNoTracking().Where(t => wanted.Contains(t.Id)).ToListAsync(cancellationToken);
        return await RecordsAsync(list, cancellationToken);
    }

    private async Task<IReadOnlyList<SharedRecord>> RecordsAsync(IReadOnlyList<StudyTest> tests, CancellationToken ct)
    {
        var ids = tests.Select(t => t.Id).ToList();
        var submitted = await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.TestId) && a.SubmittedAt != null)
            .GroupBy(a => a.TestId).Select(g => new { g.Key, Count = g.Count(), Passed = g.Count(a => a.Passed) }).ToDictionaryAsync(g => g.Key, ct);
        var records = new List<SharedRecord>();
        foreach (var t in tests)
        {
            var expected = (await access.TakersAsync(t, ct)).Count;
            var done = submitted.GetValueOrDefault(t.Id);
            records.Add(new SharedRecord(Kind, t.Id.ToString(), t.Title, DateOnly.FromDateTime(t.Opens), Url: StudyModule.Links.Page($"/Take/{t.Id}"),
                Summary: $"{t.Opens:yyyy-MM-dd HH:mm} — {t.Closes:yyyy-MM-dd HH:mm}")
            {
                Type = t.IntegrityKnowledge ? SharedRecordTypes.IntegrityKnowledgeTest : null,
                Attendance = new SharedAttendance(expected, done?.Count ?? 0),
            });
        }
        return records;
    }
}
