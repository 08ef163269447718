namespace Modular.Modules.Integrity.Services;

/// <summary>
/// The integrity knowledge tests of a year (the hundred Party rules quiz), as study offers them through shared records:
/// none at all, with no error, while study is off for the agency.
/// </summary>
public sealed class KnowledgeTests(ISharedRecords shared)
{
    public bool Available => shared.IsAvailable(SharedRecordKinds.StudyTest);

    public async Task<IReadOnlyList<SharedRecord>> OfYearAsync(int year, CancellationToken ct)
    {
        if (!Available) return [];
        var records = await shared.SearchAsync(SharedRecordKinds.StudyTest, new SharedRecordQuery(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Take: 100), ct);
        return records.Where(r => r.Type == SharedRecordTypes.IntegrityKnowledgeTest).OrderBy(r => r.Date).ToList();
    }
}
