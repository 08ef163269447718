namespace Modular.Modules.Dues;

/// <summary>Dashboard card: for collectors and the office the members behind (warned, flagged); for a member their own amount and paid-through month.</summary>
public sealed class DuesWidget(DuesAccess access, DuesFigures figures, DuesLedger ledger, IAgencyClock clock) : IDashboardWidget
{
    public string ModuleId => DuesModule.Id;
    public string? Permission => DuesModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var title = new LocalizedText("党费", "Membership dues");
        if (await access.CollectsAsync(ct))
        {
            var behind = await figures.BehindAsync(await access.CollectBranchesAsync(ct), ct);
            int Count(ArrearsLevel l) => behind.Count(d => d.Arrears.Level == l);
            return new WidgetContent(title, DuesModule.Links.Home)
            {
                Metrics =
                [
                    new(new LocalizedText("欠缴", "Behind"), behind.Count.ToString(), behind.Count > 0 ? Tone.Warning : Tone.Good, DuesModule.Links.Page("/Index", new { level = ArrearsLevel.Behind })),
                    new(new LocalizedText("欠缴3个月以上", "3 months or more"), (Count(ArrearsLevel.Warning) + Count(ArrearsLevel.Flagged)).ToString(),
                        Count(ArrearsLevel.Warning) + Count(ArrearsLevel.Flagged) > 0 ? Tone.Warning : Tone.Good, DuesModule.Links.Page("/Index", new { level = ArrearsLevel.Warning })),
                    new(new LocalizedText("连续6个月未交", "6 months in a row"), Count(ArrearsLevel.Flagged).ToString(), Count(ArrearsLevel.Flagged) > 0 ? Tone.Danger : Tone.Good,
                        DuesModule.Links.Page("/Index", new { level = ArrearsLevel.Flagged })),
                ],
            };
        }
        if (await access.VisibleAsync(await access.MeAsync(ct) ?? 0, ct) is not { } me) return null;
        var dues = await ledger.ForAsync(me.Member, me.Branch, ct);
        return new WidgetContent(title, DuesModule.Links.Page("/Mine"))
        {
            Metrics =
            [
                new(new LocalizedText("每月应交（元）", "Monthly (yuan)"), Pages.Ui.Yuan(dues.MonthlyNow(clock.Today))),
                new(new LocalizedText("交至", "Paid through"), Pages.Ui.Month(dues.Arrears.PaidThrough), ToneOf(dues.Arrears.Level)),
            ],
        };
    }

    private static Tone ToneOf(ArrearsLevel level) => level switch
    {
        ArrearsLevel.Flagged => Tone.Danger,
        ArrearsLevel.Warning => Tone.Warning,
        ArrearsLevel.Behind => Tone.Info,
        _ => Tone.Good,
    };
}

/// <summary>To-do entries: for the collector and the office, each member 3 months or more behind (the office also sees every flag); for a member, their own months unpaid.</summary>
public sealed class DuesTodo(DuesAccess access, DuesFigures figures, DuesLedger ledger, IStringLocalizer<DuesModule> T) : ITodoProvider
{
    public string ModuleId => DuesModule.Id;
    public string? Permission => DuesModule.ViewPermission;
    // Reads only this agency's data (and the directory's), the user and the clock.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var items = new List<TodoItem>();
        if (await access.CollectsAsync(ct))
        {
            var behind = (await figures.BehindAsync(await access.CollectBranchesAsync(ct), ct))
                .Where(d => d.Arrears.Level >= ArrearsLevel.Warning).OrderByDescending(d => d.Arrears.Level).ThenByDescending(d => d.Arrears.UnpaidCount).Take(50);
            items.AddRange(behind.Select(d => new TodoItem(
                d.Arrears.Level == ArrearsLevel.Flagged ? T["{0}: 6 months in a row without paying dues", d.Member.Name] : T["{0}: {1} months of dues unpaid", d.Member.Name, d.Arrears.UnpaidCount],
                DuesModule.MemberUrl(d.Member.Id), Months.LastDay(d.Arrears.Unpaid[0]).AddMonths(ArrearsRules.FlagMonths - 1))));
        }
        if (await access.VisibleAsync(await access.MeAsync(ct) ?? 0, ct) is { } me)
        {
            var own = await ledger.ForAsync(me.Member, me.Branch, ct);
            if (own.Arrears.UnpaidCount > 0)
                items.Add(new TodoItem(T["Pay your dues: {0} month(s) unpaid", own.Arrears.UnpaidCount], DuesModule.Links.Page("/Mine"), Months.LastDay(own.Arrears.Unpaid[^1])));
        }
        return items;
    }
}

/// <summary>The monthly report's dues section: per branch, owed, paid and received in the month, and how many are behind.</summary>
public sealed class DuesReportSection(DuesFigures figures) : IReportSection
{
    public string ModuleId => DuesModule.Id;
    public int Order => 60;
    public string? Permission => DuesModule.ManagePermission;

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        var lines = (await figures.MonthAsync(period.Year, period.Month, cancellationToken)).Where(l => scope.Includes(l.Branch.Id)).ToList();
        if (lines.Count == 0) return null;
        LocalizedText Yuan = new("元", "yuan"), People = new("人", "people");
        return new ReportSectionContent(new LocalizedText("党费收缴", "Membership dues"))
        {
            Figures =
            [
                new(new LocalizedText("当月应交", "Owed for the month"), lines.Sum(l => l.Expected), Yuan),
                new(new LocalizedText("当月已交", "Paid for the month"), lines.Sum(l => l.Paid), Yuan, lines.Sum(l => l.Paid) < lines.Sum(l => l.Expected) ? Tone.Warning : Tone.Good),
                new(new LocalizedText("当月收到", "Received in the month"), lines.Sum(l => l.Received), Yuan),
                new(new LocalizedText("欠交人数", "Members behind"), lines.Sum(l => l.Behind), People, lines.Sum(l => l.Behind) > 0 ? Tone.Warning : Tone.Good),
            ],
            Tables =
            [
                new(new LocalizedText("各支部党费收缴", "Dues per branch"),
                    [new("党支部", "Branch"), new("交纳人数", "Members paying"), new("应交（元）", "Owed (yuan)"), new("已交（元）", "Paid (yuan)"), new("欠交人数", "Behind")],
                    lines.Select(l => (IReadOnlyList<string>)[l.Branch.Name, l.Payers.ToString(), l.Expected.ToString("0.00"), l.Paid.ToString("0.00"), l.Behind.ToString()]).ToList()),
            ],
            Note = new LocalizedText("欠交人数按本月已结束计算：当月党费在月内交纳。", "Members behind count once the month is over: a month's dues are paid within it."),
        };
    }
}

/// <summary>
/// The shared record <see cref="SharedRecordKinds.DuesPaidThrough"/>: per member the last month paid without a gap (last
/// day of that month), for transfer letters. The office and collectors see it (collectors for their branches).
/// </summary>
public sealed class PaidThroughSource(DuesAccess access, DuesLedger ledger) : ISharedRecordSource
{
    public string ModuleId => DuesModule.Id;
    public string Kind => SharedRecordKinds.DuesPaidThrough;
    public LocalizedText Name => new("党费交至月份", "Dues paid through");
    public string? Permission => DuesModule.CollectPermission;

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken)
    {
        var payers = await access.PayersAsync(cancellationToken);
        if (query.Text is { Length: > 0 } text) payers = payers.Where(p => p.Member.Name.Contains(text, StringComparison.Ordinal)).ToList();
        var records = (await ledger.ForAsync(payers, cancellationToken)).Values.Select(Record).OfType<SharedRecord>()
            .Where(r => (query.From is null || r.Date >= query.From) && (query.To is null || r.Date <= query.To));
        return records.OrderByDescending(r => r.Date).ThenBy(r => r.Title, StringComparer.Ordinal).Take(Math.Clamp(query.Take, 1, 500)).ToList();
    }

    public async Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Select(i => int.TryParse(i, out var id) ? id : 0).Where(i => i > 0).ToHashSet();
        var payers = (await access.PayersAsync(cancellationToken)).Where(p => wanted.Contains(p.Member.Id)).ToList();
        return (await ledger.ForAsync(payers, cancellationToken)).Values.Select(Record).OfType<SharedRecord>().ToList();
    }

    private static SharedRecord? Record(MemberDues d) => d.Arrears.PaidThrough is { } month
        ? new SharedRecord(SharedRecordKinds.DuesPaidThrough, d.Member.Id.ToString(), d.Member.Name, Months.LastDay(month), Url: DuesModule.MemberUrl(d.Member.Id))
        { OrganizationId = d.Branch }
        : null;
}
