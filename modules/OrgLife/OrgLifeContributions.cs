namespace Modular.Modules.OrgLife;

/// <summary>The dashboard card: what is overdue, what comes next.</summary>
public sealed class OrgLifeWidget(DueMeetings due, Roster roster) : IDashboardWidget
{
    public string ModuleId => OrgLifeModule.Id;
    public int Order => 20;
    public string? Permission => OrgLifeModule.ViewPermission;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var items = await due.ItemsAsync(cancellationToken);
        var upcoming = await due.MyUpcomingAsync(cancellationToken);
        var overdue = items.Where(i => i.Overdue).ToList();
        var content = new WidgetContent(new LocalizedText("组织生活", "Organisational life"), OrgLifeModule.Links.Home)
        {
            EmptyText = new LocalizedText("近期没有待参加的会议。", "No meetings coming up."),
        };
        content.Metrics.Add(new WidgetMetric(new LocalizedText("近期会议", "Coming up"), upcoming.Count.ToString(), upcoming.Count > 0 ? Tone.Info : Tone.Neutral, OrgLifeModule.Links.Home));
        if ((await due.KeptBranchesAsync(cancellationToken)).Count > 0)
            content.Metrics.Add(new WidgetMetric(new LocalizedText("逾期事项", "Overdue"), overdue.Count.ToString(), overdue.Count > 0 ? Tone.Danger : Tone.Good, OrgLifeModule.Links.Page("/Compliance")));
        foreach (var m in upcoming.Take(3))
            content.Lines.Add(new WidgetLine($"{m.Type.Label()}：{m.Topic}（{await roster.OrganizationNameAsync(m.BranchId, cancellationToken)}）", OrgLifeModule.Links.Page($"/Meetings/Details/{m.Id}"), m.Date, Tone.Info));
        foreach (var i in overdue.Take(3))
            content.Lines.Add(new WidgetLine(i.Title, i.Url, i.Due, Tone.Danger));
        return content;
    }
}

/// <summary>Overdue and upcoming meetings in the to-do centre.</summary>
public sealed class OrgLifeTodo(DueMeetings due) : ITodoProvider
{
    public string ModuleId => OrgLifeModule.Id;
    public string? Permission => OrgLifeModule.ViewPermission;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken) =>
        (await due.ItemsAsync(cancellationToken)).Select(i => new TodoItem(i.Title, i.Url, i.Due, i.Detail)).ToList();
}
