namespace Modular.Modules.Civilization.Services;

/// <summary>
/// Civilization creation in the monthly report, from the criteria checklist and the practice-point records: criteria met
/// of the running campaigns (and those met this month), and the month's practice activities. Campaigns are the agency's
/// as a whole, so the section is in the agency's report only.
/// </summary>
public sealed class CivilizationReportSection(CivilizationDbContext db, IStringLocalizer<CivilizationModule> T) : IReportSection
{
    public string ModuleId => CivilizationModule.Id;
    public int Order => 50;
    public string? Permission => CivilizationModule.ViewPermission;

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        if (!scope.IsAgencyWide) return null;
        var (first, last, start, end) = (period.First, period.Last, period.Start, period.End);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Planning || c.Status == CampaignStatus.InProgress || c.Status == CampaignStatus.Submitted || c.Year == period.Year)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.CampaignId))
            .Select(i => new { i.CampaignId, i.Status, i.ReviewedAt }).ToListAsync(ct);
        var practice = await db.PracticeActivities.AsNoTracking().Where(p => p.Date >= first && p.Date <= last)
            .OrderBy(p => p.Date).ToListAsync(ct);

        var met = items.Count(i => i.Status == ItemStatus.Met);
        var metThisMonth = items.Count(i => i.Status == ItemStatus.Met && i.ReviewedAt >= start && i.ReviewedAt < end);
        decimal? progress = items.Count == 0 ? null : Math.Round(100m * met / items.Count);
        var people = practice.Sum(p => p.Participants ?? 0);

        var content = new ReportSectionContent(new LocalizedText("文明创建", "Civilization creation"));
        content.Figures.Add(new ReportFigure(new LocalizedText("测评指标已达标", "Criteria met"), met, new LocalizedText($"项（共 {items.Count} 项）", $"of {items.Count}"),
            items.Count > 0 && met == items.Count ? Tone.Good : Tone.Info));
        content.Figures.Add(new ReportFigure(new LocalizedText("达标率", "Criteria met (share)"), progress, "%"));
        content.Figures.Add(new ReportFigure(new LocalizedText("本月新达标", "Met this month"), metThisMonth, new LocalizedText("项", "criteria"), metThisMonth > 0 ? Tone.Good : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("文明实践活动", "Practice activities"), practice.Count, new LocalizedText("次", "times"), practice.Count > 0 ? Tone.Good : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("参与群众和党员", "People taking part"), people, new LocalizedText("人次", "attendances")));

        content.Tables.Add(new ReportTable(new LocalizedText("创建活动进度", "Campaigns"),
            [new("创建活动", "Campaign"), new("年度", "Year"), new("状态", "Status"), new("已达标/指标数", "Met / criteria"), new("本月新达标", "Met this month")],
            campaigns.Select(c =>
            {
                var mine = items.Where(i => i.CampaignId == c.Id).ToList();
                return (IReadOnlyList<string>)[c.Name, c.Year.ToString(), T[Labels.Status(c.Status)],
                    $"{mine.Count(i => i.Status == ItemStatus.Met)}/{mine.Count}",
                    mine.Count(i => i.Status == ItemStatus.Met && i.ReviewedAt >= start && i.ReviewedAt < end).ToString()];
            }).ToList()));
        content.Tables.Add(new ReportTable(new LocalizedText("文明实践活动", "Practice activities"),
            [new("日期", "Date"), new("活动", "Activity"), new("类型", "Kind"), new("地点", "Place"), new("参与人数", "People")],
            practice.Select(p => (IReadOnlyList<string>)[p.Date.ToString("yyyy-MM-dd"), p.Title, T[Labels.Kind(p.Kind)], p.Place ?? "", p.Participants?.ToString() ?? "—"]).ToList()));
        return content;
    }
}
