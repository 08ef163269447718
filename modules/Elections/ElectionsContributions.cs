namespace Modular.Modules.Elections;

/// <summary>The organisations one runs with their term and open election: what the widget, the to-dos and the index read.</summary>
public sealed class TermOverview(ElectionAccess access, ElectionsDbContext db, PeopleLookup people, IAgencyClock clock)
{
    public sealed record Row(OrganizationInfo Organization, TermState Term, Election? Open, ElectionDue? Due);

    /// <summary>Each organisation (not a Party group) the user runs, or sees when <paramref name="visible"/>, in tree order.</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(bool visible, CancellationToken ct = default)
    {
        var ids = visible ? await access.VisibleOrganizationsAsync(ct) : await access.WorkAsync(ct);
        var orgs = (await people.OrganizationsAsync(ct)).Where(o => ids.Contains(o.Id) && o.Kind != OrganizationKind.PartyGroup).ToList();
        var idList = orgs.Select(o => o.Id).ToList();
        var open = await db.Elections.AsNoTracking().Where(e => e.Status == ElectionStatus.Open && idList.Contains(e.OrganizationId))
            .ToListAsync(ct);
        var today = clock.Today;
        return orgs.Select(o =>
        {
            var e = open.Where(x => x.OrganizationId == o.Id).MaxBy(x => x.Id);
            return new Row(o, ElectionDeadlines.Term(o.TermEnd, today), e, e is null ? null : ElectionDeadlines.Of(Dates(e)));
        }).ToList();
    }

    public static ElectionDates Dates(Election e) => new(e.Status, e.PlannedOn, e.RequestedOn, e.RepliedOn, e.Approved);
}

/// <summary>Dashboard card: terms overdue or ending soon, elections under way and steps overdue, for those who run elections.</summary>
public sealed class ElectionsWidget(TermOverview overview, IAgencyClock clock) : IDashboardWidget
{
    public string ModuleId => ElectionsModule.Id;
    public string? Permission => ElectionsModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var rows = await overview.RowsAsync(visible: false, cancellationToken);
        if (rows.Count == 0) return null;
        var today = clock.Today;
        var overdue = rows.Count(r => r.Term == TermState.Overdue);
        var due = rows.Count(r => r.Term == TermState.Due);
        var open = rows.Count(r => r.Open is not null);
        var late = rows.Count(r => r.Due?.OverdueOn(today) == true);
        return new WidgetContent(new LocalizedText("换届选举", "Elections"), ElectionsModule.Links.Home)
        {
            Metrics =
            [
                new(new LocalizedText("任期已届满", "Terms overdue"), overdue.ToString(), overdue > 0 ? Tone.Danger : Tone.Good, ElectionsModule.Links.Page("/Index", new { term = TermState.Overdue })),
                new(new LocalizedText("半年内届满", "Ending within 6 months"), due.ToString(), due > 0 ? Tone.Warning : Tone.Neutral, ElectionsModule.Links.Page("/Index", new { term = TermState.Due })),
                new(new LocalizedText("换届进行中", "Elections under way"), open.ToString(), Tone.Neutral, ElectionsModule.Links.Page("/Index", new { open = true })),
                new(new LocalizedText("逾期步骤", "Overdue steps"), late.ToString(), late > 0 ? Tone.Danger : Tone.Good, ElectionsModule.Links.Page("/Index", new { open = true })),
            ],
        };
    }
}

/// <summary>To-do entries: a term ending within the reminder window (or ended) without an election planned; a step overdue or due within a week.</summary>
public sealed class ElectionsTodo(TermOverview overview, IAgencyClock clock, IStringLocalizer<ElectionsModule> T) : ITodoProvider
{
    public string ModuleId => ElectionsModule.Id;
    public string? Permission => ElectionsModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var items = new List<TodoItem>();
        foreach (var r in await overview.RowsAsync(visible: false, cancellationToken))
        {
            if (r.Open is null && r.Term is TermState.Overdue or TermState.Due)
                items.Add(new TodoItem(T["{0}: plan the election (term ends {1:yyyy-MM-dd})", r.Organization.Name, r.Organization.TermEnd!.Value],
                    ElectionsModule.Links.Page("/Plan", new { org = r.Organization.Id }), r.Organization.TermEnd));
            else if (r.Open is { } e && r.Due is { } due && due.Due <= today.AddDays(7))
                items.Add(new TodoItem(T["{0}: {1}", r.Organization.Name, T[Labels.Stage(due.Stage)]], ElectionsModule.ElectionUrl(e.Id), due.Due));
        }
        return items;
    }
}

/// <summary>Elections in the monthly report: the elections held in the month, terms adjusted, and terms overdue at its end.</summary>
public sealed class ElectionsReportSection(ElectionsDbContext db, PeopleLookup people, IStringLocalizer<ElectionsModule> T) : IReportSection
{
    public string ModuleId => ElectionsModule.Id;
    public int Order => 60;
    public string? Permission => ElectionsModule.ViewPermission;

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Last);
        var held = (await db.Elections.AsNoTracking().Include(e => e.Candidates)
                .Where(e => e.Status == ElectionStatus.Completed && e.HeldOn >= first && e.HeldOn <= last).OrderBy(e => e.HeldOn).ToListAsync(ct))
            .Where(e => scope.Includes(e.OrganizationId)).ToList();
        var adjusted = (await db.TermAdjustments.AsNoTracking().Where(t => t.ApprovedOn >= first && t.ApprovedOn <= last).ToListAsync(ct))
            .Where(t => scope.Includes(t.OrganizationId)).ToList();
        var orgs = (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup && scope.Includes(o.Id)).ToList();
        var overdue = orgs.Count(o => o.TermEnd is { } end && end < last);
        var content = new ReportSectionContent(new LocalizedText("换届选举", "Elections"));
        content.Figures.Add(new ReportFigure(new LocalizedText("完成换届", "Elections held"), held.Count, new LocalizedText("个", "")));
        content.Figures.Add(new ReportFigure(new LocalizedText("经批准调整任期", "Terms adjusted with approval"), adjusted.Count, new LocalizedText("个", "")));
        content.Figures.Add(new ReportFigure(new LocalizedText("任期已届满未换届", "Terms overdue"), overdue, new LocalizedText("个", ""), overdue > 0 ? Tone.Danger : Tone.Good));
        var names = await people.NamesAsync(held.SelectMany(e => e.Candidates.Where(c => c.Elected).Select(c => c.MemberId)), ct);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var e in held)
            rows.Add([e.HeldOn!.Value.ToString("yyyy-MM-dd"), await people.OrganizationNameAsync(e.OrganizationId, ct), $"{e.Present}/{e.Entitled}",
                string.Join("、", e.Candidates.Where(c => c.Elected).OrderBy(c => c.Post).Select(c => $"{(names.TryGetValue(c.MemberId, out var m) ? m.Name : "—")}（{T[Labels.Post(c.Post ?? CommitteePost.CommitteeMember)]}）")),
                $"{e.TermStart:yyyy-MM-dd} — {e.TermEnd:yyyy-MM-dd}"]);
        content.Tables.Add(new ReportTable(new LocalizedText("本月换届", "Elections this month"),
            [new("日期", "Date"), new("党组织", "Organisation"), new("实到/应到", "Present/entitled"), new("当选", "Elected"), new("新一届任期", "New term")], rows));
        return content;
    }
}
