namespace Modular.Modules.OrgLife.Services;

/// <summary>A meeting or a period that asks for someone's attention.</summary>
/// <param name="Attend">A meeting the user is expected at (otherwise: work of a branch the user keeps).</param>
public sealed record DueItem(string Title, string Url, DateOnly? Due, bool Overdue, string? Detail = null, bool Attend = false);

/// <summary>
/// What is due for the current user, shared by the to-do centre and the dashboard card: for those who keep
/// a branch's records, the overdue and current periods of their branches and planned meetings not yet
/// recorded; for everyone, the meetings they are expected at in the coming days.
/// </summary>
public sealed class DueMeetings(OrgLifeDbContext db, OrgLifeAccess access, ICurrentMember member, Roster roster, ComplianceService compliance,
    OrgLifeSettings settings, IAgencyClock clock)
{
    /// <summary>Branches whose records the user keeps; the Party office keeps all.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> KeptBranchesAsync(CancellationToken ct) =>
        await access.RecordableBranchesAsync(await roster.BranchesAsync(ct), ct);

    public async Task<IReadOnlyList<Meeting>> MyUpcomingAsync(CancellationToken ct)
    {
        var me = (await member.GetScopeAsync(ct)).OwnMemberId;
        if (me is null) return [];
        var today = clock.Today;
        var until = today.AddDays(settings.UpcomingDays);
        return await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.Date >= today && m.Date <= until && m.Attendees.Any(a => a.MemberId == me))
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Take(20).ToListAsync(ct);
    }

    /// <summary>Planned meetings whose day has passed without a record, in the user's branches.</summary>
    public async Task<IReadOnlyList<Meeting>> UnrecordedAsync(IReadOnlyList<OrganizationInfo> branches, CancellationToken ct)
    {
        var ids = branches.Select(b => b.Id).ToList();
        var today = clock.Today;
        return await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.Date < today && ids.Contains(m.BranchId))
            .OrderBy(m => m.Date).Take(50).ToListAsync(ct);
    }

    private IReadOnlyList<DueItem>? _items;

    /// <summary>Computed once per request: the dashboard shows the card and the to-do count from the same items.</summary>
    public async Task<IReadOnlyList<DueItem>> ItemsAsync(CancellationToken ct) => _items ??= await BuildItemsAsync(ct);

    private async Task<IReadOnlyList<DueItem>> BuildItemsAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var items = new List<DueItem>();
        foreach (var m in await MyUpcomingAsync(ct))
            items.Add(new DueItem($"参加{m.Type.Zh()}：{m.Topic}", OrgLifeModule.Links.Page($"/Meetings/Details/{m.Id}"), m.Date, false,
                $"{await roster.OrganizationNameAsync(m.BranchId, ct)} · {m.Place}", Attend: true));
        var branches = await KeptBranchesAsync(ct);
        if (branches.Count == 0) return items;
        foreach (var m in await UnrecordedAsync(branches, ct))
            items.Add(new DueItem($"补记{m.Type.Zh()}记录：{m.Topic}", OrgLifeModule.Links.Page($"/Meetings/Record/{m.Id}"), m.Date, true,
                await roster.OrganizationNameAsync(m.BranchId, ct)));
        var report = await compliance.BuildAsync(today.Year, branches, today, ct);
        var horizon = today.AddDays(settings.UpcomingDays);
        var overdueCount = 0;
        DateOnly? firstOverdue = null;
        foreach (var row in report.Rows)
        foreach (var type in report.Types)
        foreach (var cell in row.Cells[type])
        {
            var url = OrgLifeModule.Links.Page("/Meetings/Edit", new { branch = row.Branch.Id, type });
            var due = cell.Period.DueBy;
            if (cell.State == PeriodState.Overdue)
            {
                // The Party office gets one line for all overdue periods, not one per branch.
                if (branches.Count > 3)
                {
                    overdueCount++;
                    if (firstOverdue is null || due < firstOverdue) firstOverdue = due;
                    continue;
                }
                items.Add(new DueItem($"{row.Branch.Name}：{What(cell, type, report.Cadences[type])}未召开", url, due, true));
            }
            else if (cell.State == PeriodState.Due && due <= horizon && branches.Count <= 3)
                items.Add(new DueItem($"{row.Branch.Name}：{What(cell, type, report.Cadences[type])}尚未召开", url, due, false));
        }
        foreach (var (branch, year, state) in await AppraisalsOwedAsync(branches, today, ct))
        {
            var url = OrgLifeModule.Links.Page("/Appraisals", new { year });
            var due = new DateOnly(year, 12, 31);
            if (state == PeriodState.Overdue && branches.Count > 3)
            {
                overdueCount++;
                if (firstOverdue is null || due < firstOverdue) firstOverdue = due;
            }
            else if (state == PeriodState.Overdue) items.Add(new DueItem($"{branch.Name}：{year}年民主评议党员未完成", url, due, true));
            else if (branches.Count <= 3) items.Add(new DueItem($"{branch.Name}：{year}年民主评议党员尚未完成", url, due, false));
        }
        if (overdueCount > 0)
            items.Add(new DueItem($"本年度有 {overdueCount} 项组织生活逾期未落实", OrgLifeModule.Links.Page("/Compliance"), firstOverdue, true, "按支部和月份查看"));
        return items;
    }

    /// <summary>
    /// The yearly democratic appraisals the branches still owe: this year's from the fourth quarter, and last year's when its
    /// results were never published (an appraisal is often finished in the new year; one never finished stays overdue).
    /// </summary>
    private async Task<List<(OrganizationInfo Branch, int Year, PeriodState State)>> AppraisalsOwedAsync(IReadOnlyList<OrganizationInfo> branches, DateOnly today, CancellationToken ct)
    {
        if (!settings.AppraisalRequired) return [];
        var ids = branches.Select(b => b.Id).ToList();
        var years = new[] { today.Year - 1, today.Year };
        var published = (await db.Appraisals.AsNoTracking()
            .Where(a => a.Stage == AppraisalStage.Published && years.Contains(a.Year) && ids.Contains(a.BranchId))
            .Select(a => new { a.BranchId, a.Year }).ToListAsync(ct)).Select(a => (a.BranchId, a.Year)).ToHashSet();
        return (from b in branches
                from y in years
                let state = AppraisalRules.YearState(y, today, published.Contains((b.Id, y)))
                where state is PeriodState.Due or PeriodState.Overdue
                select (b, y, state)).ToList();
    }

    /// <summary>"2026年12月主题党日（固定日 12月15日）": a period's meeting, with the day it is due when that is a fixed day.</summary>
    private static string What(ComplianceCell cell, MeetingType type, Cadence cadence) =>
        $"{cell.Period.Zh(cadence)}{type.Zh()}" + (cell.Period.Deadline is { } d ? $"（固定日 {d.Month}月{d.Day}日）" : "");
}
