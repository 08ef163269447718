namespace Modular.Modules.Civilization;

/// <summary>Dashboard card: the current campaign's points met, its overdue items, and the titles the agency won.</summary>
public sealed class CivilizationWidget(CivilizationDbContext db, Framework framework) : IDashboardWidget
{
    public string ModuleId => CivilizationModule.Id;
    public string? Permission => CivilizationModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.InProgress || c.Status == CampaignStatus.Planning || c.Status == CampaignStatus.Submitted)
            // The campaign under way comes before one being planned or waiting for the verdict.
            .OrderByDescending(c => c.Status == CampaignStatus.InProgress).ThenByDescending(c => c.Year).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var metrics = new List<WidgetMetric>();
        if (campaign is not null)
        {
            var score = (await framework.LoadAsync(campaign.Id, cancellationToken)).Score.Total;
            var url = CivilizationModule.Links.Page($"/Campaigns/Details/{campaign.Id}");
            metrics.Add(new WidgetMetric(new LocalizedText("创建达标得分", "Points met"), $"{score.Met:0.#} / {score.Possible:0.#}", Tone.Info, url));
            metrics.Add(new WidgetMetric(new LocalizedText("逾期事项", "Overdue items"), score.Overdue.ToString(), score.Overdue > 0 ? Tone.Danger : Tone.Good, url + "?show=overdue#items"));
        }
        var honours = await db.Honours.AsNoTracking().OrderByDescending(h => h.Year).ThenBy(h => h.Level).ThenBy(h => h.Id).Take(5).ToListAsync(cancellationToken);
        return new WidgetContent(new LocalizedText("文明创建", "Civilization creation"), CivilizationModule.Links.Home)
        {
            Metrics = metrics,
            Lines = honours.Select(h => new WidgetLine($"{h.Year}年 {h.Title}（{h.IssuingBody}）", CivilizationModule.Links.Page("/Honours"), null, Tone.Good)).ToList(),
            EmptyText = new LocalizedText("还没有创建活动或荣誉称号。", "No campaign or honour yet."),
        };
    }
}

/// <summary>To-do entries: my items overdue or due within a month; for the Party office, items waiting for review and each campaign's overdue items.</summary>
public sealed class CivilizationTodo(CivilizationDbContext db, CivilizationAccess access, ICurrentMember currentMember, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : ITodoProvider
{
    public const int DueSoonDays = 30;

    public string ModuleId => CivilizationModule.Id;
    public string? Permission => CivilizationModule.ViewPermission;
    // Reads only this agency\'s data, the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var items = new List<TodoItem>();
        var active = db.Campaigns.Where(c => c.Status == CampaignStatus.Planning || c.Status == CampaignStatus.InProgress).Select(c => c.Id);
        if (await currentMember.GetAsync(cancellationToken) is { } me)
        {
            var soon = today.AddDays(DueSoonDays);
            var mine = await db.Items.AsNoTracking()
                .Where(i => i.OwnerMemberId == me.Id && i.Status != ItemStatus.Met && !i.AwaitingReview && i.DueDate != null && i.DueDate <= soon && active.Contains(i.CampaignId))
                .OrderBy(i => i.DueDate).Take(20).Select(i => new { i.Id, i.Code, i.Text, i.DueDate }).ToListAsync(cancellationToken);
            foreach (var i in mine)
                items.Add(new TodoItem(T["Civilization criterion: {0}", Short(i.Code, i.Text)], ItemUrl(i.Id), i.DueDate,
                    i.DueDate < today ? T["Overdue: submit the evidence"] : T["Submit the evidence"]));
        }
        if (access.IsManager)
        {
            var waiting = await db.Items.AsNoTracking().Where(i => i.AwaitingReview && active.Contains(i.CampaignId))
                .OrderBy(i => i.DueDate).Take(20).Select(i => new { i.Id, i.Code, i.Text, i.DueDate }).ToListAsync(cancellationToken);
            foreach (var i in waiting)
                items.Add(new TodoItem(T["Review the evidence: {0}", Short(i.Code, i.Text)], ItemUrl(i.Id), i.DueDate, T["Evidence submitted, waiting for review"]));
            var overdue = await db.Items.AsNoTracking().Where(i => i.Status != ItemStatus.Met && i.DueDate != null && i.DueDate < today && active.Contains(i.CampaignId))
                .GroupBy(i => i.CampaignId).Select(g => new { CampaignId = g.Key, Count = g.Count(), First = g.Min(i => i.DueDate) }).ToListAsync(cancellationToken);
            var names = await db.Campaigns.AsNoTracking().Where(c => overdue.Select(o => o.CampaignId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            foreach (var o in overdue)
                items.Add(new TodoItem(T["{0} overdue criteria: {1}", o.Count, names.GetValueOrDefault(o.CampaignId) ?? ""],
                    CivilizationModule.Links.Page($"/Campaigns/Details/{o.CampaignId}", new { show = "overdue" }) + "#items", o.First));
        }
        return items;
    }

    private static string ItemUrl(int id) => CivilizationModule.Links.Page($"/Items/Details/{id}");

    private static string Short(string? code, string text)
    {
        var t = text.Length > 30 ? text[..30] + "…" : text;
        return code is null ? t : $"{code} {t}";
    }
}
