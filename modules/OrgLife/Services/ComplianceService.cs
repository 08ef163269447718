namespace Modular.Modules.OrgLife.Services;

/// <summary>The secretaries' lecture of one organisation and year: each person who was secretary, and where the organisation stands.</summary>
public sealed record OrganizationLectures(OrganizationInfo Organization, IReadOnlyList<SecretaryLectureDuty> Secretaries, PeriodState State);

public sealed record BranchCompliance(OrganizationInfo Branch, IReadOnlyDictionary<MeetingType, IReadOnlyList<ComplianceCell>> Cells, OrganizationLectures Lectures)
{
    public PeriodState SecretaryLecture => Lectures.State;
    /// <summary>The year's democratic appraisal: held once its results are published.</summary>
    public PeriodState Appraisal { get; init; } = PeriodState.NotRequired;

    public int Count(PeriodState state) => Cells.Values.SelectMany(c => c).Count(c => c.State == state);
}

/// <summary>Share of the periods that ended in a month and were met (null: none ended, or a month still to come).</summary>
public sealed record MonthRate(int Month, int Met, int Closed)
{
    public int? Percent => Closed == 0 ? null : (int)Math.Round(100.0 * Met / Closed);
}

public sealed record ComplianceReport(int Year, DateOnly Today, IReadOnlyDictionary<MeetingType, Cadence> Cadences, IReadOnlyList<BranchCompliance> Rows)
{
    public IEnumerable<MeetingType> Types => Cadences.Where(c => c.Value != Cadence.Off).Select(c => c.Key);

    public int Count(PeriodState state) => Rows.Sum(r => r.Count(state));

    public int Count(MeetingType type, PeriodState state) => Rows.Sum(r => r.Cells[type].Count(c => c.State == state));

    /// <summary>Held among the periods that are over or met: the agency's compliance rate so far.</summary>
    public int? Rate(MeetingType? type = null)
    {
        var cells = Rows.SelectMany(r => type is { } t ? r.Cells[t] : r.Cells.Values.SelectMany(c => c)).ToList();
        var held = cells.Count(c => c.State == PeriodState.Held);
        var closed = held + cells.Count(c => c.State == PeriodState.Overdue);
        return closed == 0 ? null : (int)Math.Round(100.0 * held / closed);
    }

    public IReadOnlyList<MonthRate> Monthly()
    {
        var cells = Rows.SelectMany(r => r.Cells.Values.SelectMany(c => c)).ToList();
        return Enumerable.Range(1, 12).Select(month =>
        {
            var ending = cells.Where(c => c.Period.End.Month == month && c.Period.End.Year == Year && c.Period.End < Today).ToList();
            return new MonthRate(month, ending.Count(c => c.State == PeriodState.Held), ending.Count(c => c.State is PeriodState.Held or PeriodState.Overdue));
        }).ToList();
    }
}

/// <summary>
/// Branches × periods for each meeting type, computed from held meetings alone (nobody types a report):
/// held, due, overdue or not yet due, against the agency's cadence rules.
/// </summary>
public sealed class ComplianceService(OrgLifeDbContext db, Roster roster, OrgLifeSettings settings, CountedThemeDays themeDays, IAgencyCache cache)
{
    /// <summary>
    /// The report of <paramref name="branches"/> for <paramref name="year"/> as of <paramref name="today"/>: kept per agency
    /// until any of its data changes (meetings, appraisals, posts and groups in the directory, the module's settings).
    /// </summary>
    public Task<ComplianceReport> BuildAsync(int year, IReadOnlyList<OrganizationInfo> branches, DateOnly today, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"{OrgLifeModule.Id}:compliance:{year}:{Ids(branches)}", CachePeriod.Day(today), c => ComputeAsync(year, branches, today, c), ct);

    private static string Ids(IEnumerable<OrganizationInfo> organizations) => string.Join(',', organizations.Select(o => o.Id));

    private async Task<ComplianceReport> ComputeAsync(int year, IReadOnlyList<OrganizationInfo> branches, DateOnly today, CancellationToken ct)
    {
        var cadences = settings.Cadences();
        var ids = branches.Select(b => b.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held && m.Date >= from && m.Date <= to && ids.Contains(m.BranchId))
            .Select(m => new { m.BranchId, Meeting = new HeldMeeting(m.Type, m.Date, m.GroupId, m.HostMemberId) })
            .ToListAsync(ct);
        var byBranch = held.ToLookup(m => m.BranchId, m => m.Meeting);
        var fixedDays = await settings.ThemeDaysAsync(ct);
        var countedThemeDays = await themeDays.OfYearAsync(year, ids, ct);
        var appraised = await db.Appraisals.AsNoTracking()
            .Where(a => a.Year == year && a.Stage == AppraisalStage.Published && ids.Contains(a.BranchId)).Select(a => a.BranchId).ToListAsync(ct);
        var lectures = (await LecturesAsync(year, branches, today, ct)).ToDictionary(l => l.Organization.Id);
        var rows = new List<BranchCompliance>();
        foreach (var branch in branches)
        {
            var meetings = byBranch[branch.Id].ToList();
            var groups = (await roster.GroupsOfAsync(branch.Id, ct)).Select(g => g.Id).ToHashSet();
            var hasCommittee = await roster.HasCommitteeAsync(branch.Id, ct);
            var cells = new Dictionary<MeetingType, IReadOnlyList<ComplianceCell>>();
            foreach (var type in Labels.MeetingTypes)
            {
                var required = type switch
                {
                    MeetingType.BranchCommitteeMeeting => hasCommittee ? 1 : 0,
                    MeetingType.PartyGroupMeeting => groups.Count,
                    _ => 1,
                };
                var typeCells = ComplianceRules.Cells(type, cadences[type], year, meetings.Where(m => m.Type == type).ToList(), groups, required, fixedDays(branch.Id), today);
                cells[type] = type == MeetingType.ThemePartyDay
                    ? typeCells.Select(c => CountedThemeDays.Apply(c, countedThemeDays[branch.Id], today, fixedDays(branch.Id))).ToList()
                    : typeCells;
            }
            rows.Add(new BranchCompliance(branch, cells, lectures[branch.Id])
            {
                Appraisal = settings.AppraisalRequired ? AppraisalRules.YearState(year, today, appraised.Contains(branch.Id)) : PeriodState.NotRequired,
            });
        }
        return new ComplianceReport(year, today, cadences, rows);
    }

    /// <summary>The secretaries' lecture of each of <paramref name="organizations"/> (branches, general branches, the committee) in <paramref name="year"/>.</summary>
    public Task<IReadOnlyList<OrganizationLectures>> LecturesAsync(int year, IEnumerable<OrganizationInfo> organizations, DateOnly today, CancellationToken ct = default)
    {
        var list = organizations.ToList();
        return cache.GetOrCreateAsync($"{OrgLifeModule.Id}:lectures:{year}:{Ids(list)}", CachePeriod.Day(today), c => ComputeLecturesAsync(year, list, today, c), ct);
    }

    private async Task<IReadOnlyList<OrganizationLectures>> ComputeLecturesAsync(int year, IReadOnlyList<OrganizationInfo> organizations, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        // Wherever a secretary gave it: the committee's secretary lectures in the branches.
        var lectures = (await db.Meetings.AsNoTracking()
                .Where(m => m.Status == MeetingStatus.Held && m.Type == MeetingType.PartyLecture && m.Date >= from && m.Date <= to && m.HostMemberId != null)
                .Select(m => new { Host = m.HostMemberId!.Value, m.Date })
                .ToListAsync(ct))
            .Select(m => (m.Host, m.Date)).ToList();
        var list = new List<OrganizationLectures>();
        foreach (var org in organizations)
        {
            var duties = SecretaryLectureRules.Duties(year, today, await roster.SecretariesOfYearAsync(org.Id, year, ct), lectures);
            list.Add(new OrganizationLectures(org, duties, SecretaryLectureRules.Overall(year, today, duties)));
        }
        return list;
    }
}
