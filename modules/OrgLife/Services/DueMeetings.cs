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
    OrgLifeSettings settings, IAgencyClock clock, ICurrentUser user, IAgencyCache cache)
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

    /// <summary>
    /// The dashboard shows the card and the to-do count from the same items: kept per user and day until any of the
    /// agency's data changes (what the user keeps follows from posts and roles, which are the agency's data too).
    /// </summary>
    public async Task<IReadOnlyList<DueItem>> ItemsAsync(CancellationToken ct) => _items ??= user.Id is { } id
        ? await cache.GetOrCreateAsync($"{OrgLifeModule.Id}:due:{id}", CachePeriod.Day(clock.Today), BuildItemsAsync, ct)
        : await BuildItemsAsync(ct);

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
        foreach (var item in await LectureItemsAsync(report, today, horizon, ct))
        {
            // Branches' lectures join the Party office's one line; the committee's and general branches' stay their own.
            if (item.Overdue && item.Branch && branches.Count > 3)
            {
                overdueCount++;
                if (firstOverdue is null || item.Item.Due < firstOverdue) firstOverdue = item.Item.Due;
            }
            else if (branches.Count <= 3 || !item.Branch) items.Add(item.Item);
        }
        if (overdueCount > 0)
            items.Add(new DueItem($"有 {overdueCount} 项组织生活逾期未落实", OrgLifeModule.Links.Page("/Compliance"), firstOverdue, true, "按支部和周期查看"));
        items.AddRange(await TalkItemsAsync(branches, today, ct));
        return items;
    }

    /// <summary>
    /// The year's secretaries' lectures still owed (书记讲党课), for the branches kept and for the agency committee and general
    /// branches the user sees: each secretary who left without giving one is overdue; one still owed by a secretary whose
    /// time in post ends within the horizon is due. Without any secretary in the year, the organisation owes it.
    /// </summary>
    private async Task<IReadOnlyList<(DueItem Item, bool Overdue, bool Branch)>> LectureItemsAsync(ComplianceReport report, DateOnly today, DateOnly horizon, CancellationToken ct)
    {
        var upper = await access.LectureOrganizationsAboveBranchesAsync(roster, ct);
        var organizations = report.Rows.Select(r => (r.Lectures, Branch: true))
            .Concat((await compliance.LecturesAsync(report.Year, upper, today, ct)).Select(l => (Lectures: l, Branch: false)));
        var items = new List<(DueItem, bool, bool)>();
        foreach (var (lectures, branch) in organizations)
        {
            var org = lectures.Organization;
            var url = branch ? OrgLifeModule.Links.Page("/Meetings/Edit", new { branch = org.Id, type = MeetingType.PartyLecture })
                : OrgLifeModule.Links.Page("/Compliance", new { year = report.Year });
            var owed = lectures.Secretaries.Count > 0
                ? lectures.Secretaries.Select(d => (d.State, Due: d.To, Who: $"书记{d.Name}{report.Year}年"))
                : [(lectures.State, Due: new DateOnly(report.Year, 12, 31), Who: $"{report.Year}年书记")];
            foreach (var (state, due, who) in owed)
            {
                if (state == PeriodState.Overdue) items.Add((new DueItem($"{org.Name}：{who}未讲党课", url, due, true), true, branch));
                else if (state == PeriodState.Due && due <= horizon) items.Add((new DueItem($"{org.Name}：{who}尚未讲党课", url, due, false), false, branch));
            }
        }
        return items;
    }

    /// <summary>
    /// Heart-to-heart talks the year still lacks (committee–committee and committee–member pairs, due by the year's end):
    /// a line for each branch kept, or one for all of them when the user keeps many (the Party office).
    /// </summary>
    private async Task<IReadOnlyList<DueItem>> TalkItemsAsync(IReadOnlyList<OrganizationInfo> branches, DateOnly today, CancellationToken ct)
    {
        var missing = await MissingTalksAsync(branches, today.Year, ct);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        if (branches.Count > 3)
        {
            var total = missing.Values.Sum();
            return total == 0 ? [] :
                [new DueItem($"本年度尚有 {total} 对谈心谈话未开展", OrgLifeModule.Links.Page("/Talks", new { year = today.Year }), yearEnd, false, $"涉及 {missing.Count} 个支部")];
        }
        return branches.Where(b => missing.ContainsKey(b.Id))
            .Select(b => new DueItem($"{b.Name}：本年度尚有 {missing[b.Id]} 对谈心谈话未开展", OrgLifeModule.Links.Page("/Talks", new { branch = b.Id, year = today.Year }), yearEnd, false))
            .ToList();
    }

    /// <summary>For each of <paramref name="branches"/> with talks still to hold in <paramref name="year"/>: how many pairs.</summary>
    public async Task<IReadOnlyDictionary<int, int>> MissingTalksAsync(IReadOnlyList<OrganizationInfo> branches, int year, CancellationToken ct)
    {
        var ids = branches.Select(b => b.Id).ToList();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var talks = (await db.Talks.AsNoTracking().Where(t => ids.Contains(t.BranchId) && t.Date >= first && t.Date <= last)
            .Select(t => new { t.BranchId, t.InitiatorMemberId, t.PartnerMemberId }).ToListAsync(ct)).ToLookup(t => t.BranchId);
        var missing = new Dictionary<int, int>();
        foreach (var branch in branches)
        {
            var members = (await roster.PartyMembersAsync(branch.Id, ct)).Select(m => m.Id).ToList();
            var committee = (await roster.CommitteeAsync(branch.Id, ct)).Where(members.Contains).ToList();
            var count = TalkCoverage.Missing(TalkCoverage.RequiredPairs(committee, members), talks[branch.Id].Select(t => (t.InitiatorMemberId, t.PartnerMemberId))).Count;
            if (count > 0) missing[branch.Id] = count;
        }
        return missing;
    }

    /// <summary>
    /// The yearly democratic appraisals the branches still owe: this year's from the fourth quarter, and every earlier year's
    /// whose results were never published (an appraisal is often finished in the new year; one never finished stays
    /// overdue) — from last year, or from the first year the branch has records in the portal when that is earlier.
    /// </summary>
    private async Task<List<(OrganizationInfo Branch, int Year, PeriodState State)>> AppraisalsOwedAsync(IReadOnlyList<OrganizationInfo> branches, DateOnly today, CancellationToken ct)
    {
        if (!settings.AppraisalRequired) return [];
        var ids = branches.Select(b => b.Id).ToList();
        var firstMeetings = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && ids.Contains(m.BranchId))
            .GroupBy(m => m.BranchId).Select(g => new { Branch = g.Key, Year = g.Min(m => m.Date.Year) }).ToListAsync(ct);
        var appraisals = await db.Appraisals.AsNoTracking().Where(a => ids.Contains(a.BranchId))
            .Select(a => new { a.BranchId, a.Year, a.Stage }).ToListAsync(ct);
        var published = appraisals.Where(a => a.Stage == AppraisalStage.Published).Select(a => (a.BranchId, a.Year)).ToHashSet();
        var firstYear = firstMeetings.Select(m => (m.Branch, m.Year)).Concat(appraisals.Select(a => (Branch: a.BranchId, a.Year)))
            .GroupBy(x => x.Branch).ToDictionary(g => g.Key, g => g.Min(x => x.Year));
        return (from b in branches
                let first = Math.Min(today.Year - 1, firstYear.GetValueOrDefault(b.Id, today.Year))
                from y in Enumerable.Range(first, today.Year - first + 1)
                let state = AppraisalRules.YearState(y, today, published.Contains((b.Id, y)))
                where state is PeriodState.Due or PeriodState.Overdue
                select (b, y, state)).ToList();
    }

    /// <summary>"2026年12月主题党日（固定日 12月15日）": a period's meeting, with the day it is due when that is a fixed day.</summary>
    private static string What(ComplianceCell cell, MeetingType type, Cadence cadence) =>
        $"{cell.Period.Zh(cadence)}{type.Zh()}" + (cell.Period.Deadline is { } d ? $"（固定日 {d.Month}月{d.Day}日）" : "");
}
