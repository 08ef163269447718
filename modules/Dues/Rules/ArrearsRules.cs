namespace Modular.Modules.Dues.Rules;

/// <summary>How far behind a member is, in words and colour together.</summary>
public enum ArrearsLevel
{
    /// <summary>Nothing owed for past months.</summary>
    None = 0,
    /// <summary>One or two months owed.</summary>
    Behind = 1,
    /// <summary>Three months or more owed: a warning to the member, the collector and the office.</summary>
    Warning = 2,
    /// <summary>Six consecutive months unpaid without good reason: treated as leaving the Party, flagged for the office to decide.</summary>
    Flagged = 3,
}

/// <summary>A member's arrears on a day.</summary>
/// <param name="Unpaid">The months owed and unpaid before the current month, oldest first.</param>
/// <param name="Consecutive">The unpaid months in a row up to the last month before the current one.</param>
/// <param name="PaidThrough">The last month of the unbroken run of months paid (or not owed) from the start; null when the first is unpaid.</param>
public sealed record ArrearsState(IReadOnlyList<DateOnly> Unpaid, int Consecutive, DateOnly? PaidThrough, ArrearsLevel Level)
{
    public int UnpaidCount => Unpaid.Count;
}

/// <summary>
/// Arrears by date. A month is owed once it is over (the current month can still be paid in it). Three months unpaid
/// warns; six consecutive months unpaid without good reason is flagged early, for the office to decide (nothing happens
/// automatically). Months exempt (nothing owed) neither count nor break a run.
/// </summary>
public static class ArrearsRules
{
    public const int WarnMonths = 3;
    public const int FlagMonths = 6;

    /// <param name="schedule">What the member owes per month.</param>
    /// <param name="paid">The months paid.</param>
    /// <param name="today">Today in the agency.</param>
    /// <param name="goodReason">The office recorded a good reason for not paying (a flag becomes a warning).</param>
    public static ArrearsState Assess(DuesSchedule schedule, IReadOnlySet<DateOnly> paid, DateOnly today, bool goodReason = false)
    {
        var current = Months.Of(today);
        if (schedule.Start is not { } start) return new([], 0, null, ArrearsLevel.None);
        var unpaid = new List<DateOnly>();
        var consecutive = 0;
        DateOnly? paidThrough = null;
        var unbroken = true;
        // Paid-through runs on past the current month when paid ahead.
        var lastPaid = paid.Count > 0 ? paid.Max() : start;
        var end = lastPaid > current ? lastPaid : current;
        foreach (var m in Months.From(start, end))
        {
            var owed = schedule.Owed(m);
            var settled = paid.Contains(m) || owed is 0m;
            if (m < current && owed is > 0m && !paid.Contains(m))
            {
                unpaid.Add(m);
                consecutive++;
            }
            else if (m < current && owed is > 0m) consecutive = 0;
            if (unbroken && settled && owed is not null) paidThrough = m;
            else unbroken = false;
        }
        var level = consecutive >= FlagMonths ? (goodReason ? ArrearsLevel.Warning : ArrearsLevel.Flagged)
            : unpaid.Count >= WarnMonths ? ArrearsLevel.Warning
            : unpaid.Count > 0 ? ArrearsLevel.Behind : ArrearsLevel.None;
        return new(unpaid, consecutive, paidThrough, level);
    }
}
