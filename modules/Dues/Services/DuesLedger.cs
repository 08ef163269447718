namespace Modular.Modules.Dues.Services;

/// <summary>One member's dues as the pages show them: the schedule, the months paid and the arrears today.</summary>
public sealed record MemberDues(MemberInfo Member, int Branch, DuesBase? CurrentBase, DuesSchedule Schedule, IReadOnlySet<DateOnly> Paid, ArrearsState Arrears)
{
    /// <summary>The amount owed for the current month (after any hardship); null without a base this year.</summary>
    public decimal? MonthlyNow(DateOnly today) => Schedule.Owed(today);
}

/// <summary>Reads bases, hardship decisions and months paid for many members at once and works out what each owes.</summary>
public sealed class DuesLedger(DuesDbContext db, IAgencyClock clock)
{
    public async Task<IReadOnlyDictionary<int, MemberDues>> ForAsync(IReadOnlyCollection<(MemberInfo Member, int Branch)> payers, CancellationToken ct = default)
    {
        var ids = payers.Select(p => p.Member.Id).ToList();
        var today = clock.Today;
        var bases = (await db.Bases.AsNoTracking().Where(b => ids.Contains(b.MemberId)).ToListAsync(ct)).ToLookup(b => b.MemberId);
        var hardships = (await db.Hardships.AsNoTracking().Where(h => ids.Contains(h.MemberId)).ToListAsync(ct)).ToLookup(h => h.MemberId);
        var paid = (await db.PaidMonths.AsNoTracking().Where(p => ids.Contains(p.MemberId)).Select(p => new { p.MemberId, p.Month }).ToListAsync(ct))
            .ToLookup(p => p.MemberId, p => p.Month);
        var result = new Dictionary<int, MemberDues>();
        foreach (var (m, branch) in payers)
        {
            var schedule = ScheduleOf(m, bases[m.Id], hardships[m.Id]);
            var months = paid[m.Id].ToHashSet();
            var current = bases[m.Id].Where(b => b.Year <= today.Year).OrderByDescending(b => b.Year).FirstOrDefault();
            var goodReason = !string.IsNullOrWhiteSpace(current?.GoodReason);
            result[m.Id] = new MemberDues(m, branch, current, schedule, months, ArrearsRules.Assess(schedule, months, today, goodReason));
        }
        return result;
    }

    public async Task<MemberDues> ForAsync(MemberInfo member, int branch, CancellationToken ct = default) =>
        (await ForAsync([(member, branch)], ct))[member.Id];

    public static DuesSchedule ScheduleOf(MemberInfo? m, IEnumerable<DuesBase> bases, IEnumerable<DuesHardship> hardships) =>
        new(bases.Select(b => new YearAmount(b.Year, b.Monthly)),
            hardships.Select(h => new HardshipTerm(h.Year, h.FromMonth, h.Kind, h.ReducedAmount)),
            m?.JoinedDate);
}
