using MiniExcelLibs;

namespace Modular.Modules.Civilization.Services;

/// <summary>Imports a framework sheet into a campaign: all rows are checked first, and nothing is saved unless all are valid.</summary>
public sealed class FrameworkImport(CivilizationDbContext db, CivilizationAccess access, Framework framework)
{
    public sealed record Outcome(int Imported, IReadOnlyList<FrameworkSheet.Problem> Problems);

    public static byte[] Template()
    {
        var rows = new[]
        {
            Example("组织领导", "1.1", "成立文明创建工作领导小组，主要负责同志任组长，年初专题研究部署", 3, "2026-03-31"),
            Example("组织领导", "1.2", "制定年度创建工作计划，责任分解到处室", 2, "2026-03-31"),
            Example("思想道德建设", "2.1", "开展社会主义核心价值观宣传教育，全年不少于4次", 4, "2026-11-30"),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Example(string category, string code, string text, decimal points, string due) => new()
    {
        [FrameworkSheet.Category] = category, [FrameworkSheet.Code] = code, [FrameworkSheet.Text] = text,
        [FrameworkSheet.Points] = points, [FrameworkSheet.Owner] = "", [FrameworkSheet.Due] = due,
    };

    public async Task<Outcome> ImportAsync(int campaignId, Stream file, CancellationToken ct)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(FrameworkSheet.MaxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Outcome(0, [new FrameworkSheet.Problem(0, "", "The file cannot be read: use the downloaded template (.xlsx).")]);
        }
        var checkedRows = FrameworkSheet.Check(rows, await access.PartyMembersByNameAsync(ct));
        if (checkedRows.Problems.Count > 0) return new Outcome(0, checkedRows.Problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var categories = new Dictionary<string, CriteriaCategory>();
        foreach (var name in checkedRows.Rows.Select(r => r.Category).Distinct())
            categories[name] = await framework.CategoryAsync(campaignId, name, ct);
        await db.SaveChangesAsync(ct);
        var next = (await db.Items.Where(i => i.CampaignId == campaignId).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0) + 1;
        foreach (var r in checkedRows.Rows)
        {
            db.Items.Add(new CriteriaItem
            {
                CampaignId = campaignId, CategoryId = categories[r.Category].Id, Order = next++, Code = r.Code, Text = r.Text,
                Points = r.Points, OwnerMemberId = r.OwnerMemberId, DueDate = r.DueDate,
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(checkedRows.Rows.Count, []);
    }
}
