namespace Modular.Modules.Dues.Services;

/// <summary>One branch's dues for a month: who pays, what was owed, what of it is paid, how many are behind for it, what was received in the month.</summary>
public sealed record BranchMonth(OrganizationInfo Branch, int Payers, decimal Expected, decimal Paid, int Behind, decimal Received)
{
    public decimal Outstanding => Expected - Paid;
}

/// <summary>One branch's dues for a year, with the money handed up and kept that the office recorded for it.</summary>
public sealed record BranchYear(OrganizationInfo? Branch, int Payers, int PaidUp, decimal Expected, decimal Paid, decimal Received, decimal HandedUp, decimal Kept, int Behind)
{
    public decimal Outstanding => Expected - Paid;
}

/// <summary>
/// The figures of the reports, the publication, the monthly report section and the dashboard, from the records alone:
/// what was owed (each payer's schedule), paid (the months paid), received (payments by date) and used. Months carried in
/// with a transferred member count as paid (nothing is outstanding for them) but their money was received elsewhere.
/// </summary>
public sealed class DuesFigures(DuesDbContext db, DuesAccess access, DuesLedger ledger, PeopleLookup people, IAgencyClock clock, IAgencyCache cache)
{
    private IReadOnlyDictionary<int, MemberDues>? _dues;

    // Every payer's schedule, months paid and arrears (2,000 members: a quarter of a second), kept per day until the
    // agency's data changes: the dashboard card and to-dos ask for it every minute per user, the reports on each view.
    private async Task<IReadOnlyDictionary<int, MemberDues>> DuesAsync(CancellationToken ct) =>
        _dues ??= await cache.GetOrCreateAsync("dues:payers", CachePeriod.Day(clock.Today),
            async c => await ledger.ForAsync(await access.AllPayersAsync(c), c), ct);

    private async Task<IReadOnlyList<OrganizationInfo>> BranchesAsync(CancellationToken ct) =>
        (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).ToList();

    /// <summary>Per branch for one month.</summary>
    public async Task<IReadOnlyList<BranchMonth>> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var dues = (await DuesAsync(ct)).Values.ToList();
        var paid = BySum(await db.PaidMonths.AsNoTracking().Where(p => p.Month == first).Select(p => new { p.OrganizationId, p.Amount }).ToListAsync(ct),
            p => p.OrganizationId, p => p.Amount);
        var received = BySum(await db.Payments.AsNoTracking().Where(p => p.CarriedFrom == null && p.PaidOn >= first && p.PaidOn < next).Select(p => new { p.OrganizationId, p.Amount }).ToListAsync(ct),
            p => p.OrganizationId, p => p.Amount);
        var owedNow = first < Months.Of(clock.Today);
        return (await BranchesAsync(ct)).Select(b =>
        {
            var own = dues.Where(d => d.Branch == b.Id).ToList();
            return new BranchMonth(b, own.Count, own.Sum(d => d.Schedule.Owed(first) ?? 0m), paid.GetValueOrDefault(b.Id),
                owedNow ? own.Count(d => d.Schedule.Owed(first) is > 0m && !d.Paid.Contains(first)) : 0, received.GetValueOrDefault(b.Id));
        }).ToList();
    }

    /// <summary>Per branch for one year (owed through the current month while the year runs), and the agency's own line (no branch) for money used agency-wide.</summary>
    public async Task<IReadOnlyList<BranchYear>> YearAsync(int year, CancellationToken ct = default)
    {
        var today = clock.Today;
        var last = year < today.Year ? new DateOnly(year, 12, 1) : year == today.Year ? Months.Of(today) : new DateOnly(year, 1, 1).AddMonths(-1);
        var months = Months.From(new DateOnly(year, 1, 1), last).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var dues = (await DuesAsync(ct)).Values.ToList();
        var paid = BySum(await db.PaidMonths.AsNoTracking().Where(p => p.Month >= from && p.Month < to).Select(p => new { p.OrganizationId, p.Amount }).ToListAsync(ct),
            p => p.OrganizationId, p => p.Amount);
        var received = BySum(await db.Payments.AsNoTracking().Where(p => p.CarriedFrom == null && p.PaidOn >= from && p.PaidOn < to).Select(p => new { p.OrganizationId, p.Amount }).ToListAsync(ct),
            p => p.OrganizationId, p => p.Amount);
        var uses = await db.Uses.AsNoTracking().Where(u => u.Date >= from && u.Date < to).ToListAsync(ct);
        var lines = (await BranchesAsync(ct)).Select(b =>
        {
            var own = dues.Where(d => d.Branch == b.Id).ToList();
            var behind = own.Count(d => d.Arrears.Unpaid.Any(m => m.Year == year));
            return new BranchYear(b, own.Count, own.Count - behind, own.Sum(d => months.Sum(m => d.Schedule.Owed(m) ?? 0m)), paid.GetValueOrDefault(b.Id),
                received.GetValueOrDefault(b.Id), uses.Where(u => u.OrganizationId == b.Id && u.Kind == UseKind.HandedUp).Sum(u => u.Amount),
                uses.Where(u => u.OrganizationId == b.Id && u.Kind == UseKind.Kept).Sum(u => u.Amount), behind);
        }).ToList();
        var agencyWide = uses.Where(u => u.OrganizationId is null || lines.All(l => l.Branch!.Id != u.OrganizationId)).ToList();
        if (agencyWide.Count > 0)
            lines.Add(new BranchYear(null, 0, 0, 0m, 0m, 0m, agencyWide.Where(u => u.Kind == UseKind.HandedUp).Sum(u => u.Amount), agencyWide.Where(u => u.Kind == UseKind.Kept).Sum(u => u.Amount), 0));
        return lines;
    }

    // Summed here: SQLite keeps decimals as text and cannot add them up in SQL.
    private static Dictionary<int, decimal> BySum<T>(IEnumerable<T> rows, Func<T, int> key, Func<T, decimal> amount) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(amount));

    /// <summary>The payers behind now, by level (for the dashboard and to-dos).</summary>
    public async Task<IReadOnlyList<MemberDues>> BehindAsync(IReadOnlySet<int> branches, CancellationToken ct = default) =>
        (await DuesAsync(ct)).Values.Where(d => branches.Contains(d.Branch) && d.Arrears.Level > ArrearsLevel.None).ToList();
}
