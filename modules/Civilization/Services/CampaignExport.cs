using MiniExcelLibs;

namespace Modular.Modules.Civilization.Services;

/// <summary>A campaign's status (per category and item) and its evidence list as one Excel workbook.</summary>
public sealed class CampaignExport(CivilizationDbContext db, Framework framework, PeopleLookup people, IAgencyClock clock, EvidenceFiles files, IStringLocalizer<CivilizationModule> T)
{
    public async Task<byte[]> BuildAsync(Campaign campaign, CancellationToken ct)
    {
        var view = await framework.LoadAsync(campaign.Id, ct);
        var names = view.Categories.ToDictionary(c => c.Id, c => c.Name);
        // Rows follow the office's order of categories, then the items' own order.
        var rank = view.Categories.Select((c, n) => (c.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var items = (await db.Items.AsNoTracking().Where(i => i.CampaignId == campaign.Id).ToListAsync(ct))
            .OrderBy(i => rank.GetValueOrDefault(i.CategoryId, int.MaxValue)).ThenBy(i => i.Order).ThenBy(i => i.Id).ToList();
        var today = clock.Today;
        var summary = view.Categories.Select(c => view.Score.Categories[c.Id]).Zip(view.Categories, (s, c) => new Dictionary<string, object?>
        {
            ["类别"] = c.Name, ["事项数"] = s.Items, ["分值合计"] = s.Possible, ["已达标得分"] = s.Met, ["得分率(%)"] = s.Percent,
            ["已达标事项"] = s.MetItems, ["未达标事项"] = s.NotMetItems, ["逾期事项"] = s.Overdue, ["待审核"] = s.AwaitingReview,
        }).ToList();
        var t = view.Score.Total;
        summary.Add(new Dictionary<string, object?>
        {
            ["类别"] = "合计", ["事项数"] = t.Items, ["分值合计"] = t.Possible, ["已达标得分"] = t.Met, ["得分率(%)"] = t.Percent,
            ["已达标事项"] = t.MetItems, ["未达标事项"] = t.NotMetItems, ["逾期事项"] = t.Overdue, ["待审核"] = t.AwaitingReview,
        });
        var status = new List<Dictionary<string, object?>>();
        await people.NamesAsync(items.Select(i => i.OwnerMemberId), ct);
        foreach (var i in items)
        {
            status.Add(new()
            {
                ["类别"] = names.GetValueOrDefault(i.CategoryId), ["序号"] = i.Code, ["测评内容"] = i.Text, ["分值"] = i.Points,
                ["责任人"] = await people.NameAsync(i.OwnerMemberId, ct, missing: ""), ["完成时限"] = i.DueDate?.ToString("yyyy-MM-dd"),
                ["状态"] = T[Labels.Status(i.Status)].Value, ["逾期"] = ScoreRollup.IsOverdue(i.Status, i.DueDate, today) ? "是" : "",
                ["待审核"] = i.AwaitingReview ? "是" : "", ["审核意见"] = i.ReviewComment,
            });
        }
        var itemIds = items.Select(i => i.Id).ToList();
        var byId = items.ToDictionary(i => i.Id);
        var position = itemIds.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        var evidence = (await db.Evidence.AsNoTracking().Where(e => itemIds.Contains(e.ItemId)).ToListAsync(ct))
            .OrderBy(e => position[e.ItemId]).ThenBy(e => e.SubmittedAt).ThenBy(e => e.Id).ToList();
        var evidenceRows = new List<Dictionary<string, object?>>();
        await people.NamesAsync(evidence.Select(e => (int?)e.SubmittedByMemberId), ct);
        var attachedByEntry = await files.ListAsync(evidence.Select(e => e.Id).ToList(), ct);
        foreach (var e in evidence)
        {
            var item = byId[e.ItemId];
            var attached = attachedByEntry.GetValueOrDefault(e.Id) ?? [];
            evidenceRows.Add(new()
            {
                ["类别"] = names.GetValueOrDefault(item.CategoryId), ["序号"] = item.Code, ["测评内容"] = item.Text,
                ["提交人"] = await people.NameAsync(e.SubmittedByMemberId, ct, missing: ""), ["提交时间"] = clock.ToLocal(e.SubmittedAt).ToString("yyyy-MM-dd HH:mm"),
                ["佐证说明"] = e.Text, ["附件"] = string.Join("；", attached.Select(f => f.FileName)),
            });
        }
        if (evidenceRows.Count == 0) evidenceRows.Add(new() { ["类别"] = "", ["序号"] = "", ["测评内容"] = "（尚无佐证材料）", ["提交人"] = "", ["提交时间"] = "", ["佐证说明"] = "", ["附件"] = "" });
        if (status.Count == 0) status.Add(new() { ["类别"] = "", ["测评内容"] = "（尚无测评事项）" });
        var sheets = new Dictionary<string, object> { ["得分汇总"] = summary, ["测评事项"] = status, ["佐证材料"] = evidenceRows };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
