using MiniExcelLibs;

namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Imports the office's yearly task list from the Excel template (as study's questions and civilization's framework
/// are imported): every row checked, nothing saved unless all rows are valid, in one save.
/// </summary>
public sealed class TaskImport(SupervisionDbContext db, SupervisionAccess access, PeopleLookup people)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Outcome(int Imported, IReadOnlyList<SheetProblem> Problems);

    public static byte[] Template(int year)
    {
        var rows = new[]
        {
            Example("落实“三会一课”制度，按时召开支部委员会和党员大会", "年度党建工作要点 第2条", "第一党支部", "", new DateOnly(year, 12, 31), "会议记录"),
            Example("开展党风廉政建设警示教育", "年度党建工作要点 第5条", "", "王建华", new DateOnly(year, 6, 30), "活动方案、照片"),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Example(string title, string source, string organization, string owner, DateOnly deadline, string evidence) => new()
    {
        [TaskSheet.Title] = title, [TaskSheet.Source] = source, [TaskSheet.Organization] = organization, [TaskSheet.Owner] = owner,
        [TaskSheet.Deadline] = deadline.ToString("yyyy-MM-dd"), [TaskSheet.Evidence] = evidence,
    };

    public async Task<Outcome> ImportAsync(int year, Stream file, CancellationToken ct)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(TaskSheet.MaxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Outcome(0, [new SheetProblem(0, "", "The file cannot be read: use the downloaded template (.xlsx).")]);
        }
        var organizations = (await access.OrganizationsAsync(ct)).GroupBy(o => o.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(o => o.Id).ToList());
        var members = (await people.CurrentMembersAsync(ct)).Values.GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Id).ToList());
        var outcome = TaskSheet.Check(rows, year, organizations, members);
        if (outcome.Problems.Count > 0) return new Outcome(0, outcome.Problems);
        foreach (var input in outcome.Rows.Select(r => r.Input))
            db.Tasks.Add(new WorkTask
            {
                Year = year, Title = input.Title!, Source = input.Source, OwnerOrganizationId = input.OwnerOrganizationId, OwnerMemberId = input.OwnerMemberId,
                Deadline = input.Deadline!.Value, EvidenceWanted = input.EvidenceWanted,
            });
        // One save: all the rows or none.
        await db.SaveChangesAsync(ct);
        return new Outcome(outcome.Rows.Count, []);
    }
}
