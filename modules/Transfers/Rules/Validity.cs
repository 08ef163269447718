namespace Modular.Modules.Transfers.Rules;

/// <summary>How long a letter or a transfer waits for the receiving side, and when it is overdue.</summary>
public static class Validity
{
    /// <summary>The validity when the agency has not set one: 3 months.</summary>
    public const int DefaultMonths = 3;
    public const int MinMonths = 1;
    public const int MaxMonths = 12;

    /// <summary>
    /// The last valid day of something issued on <paramref name="issued"/> for <paramref name="months"/> months: the day
    /// before the same date that many months later (issued 2026-01-15 for 3 months: valid through 2026-04-14; from
    /// 2026-11-30: through 2027-02-27, as February has no 30th).
    /// </summary>
    public static DateOnly LastDay(DateOnly issued, int months) => issued.AddMonths(Math.Clamp(months, MinMonths, MaxMonths)).AddDays(-1);

    /// <summary>Overdue from the day after the last valid day; on the last day itself it is not.</summary>
    public static bool IsOverdue(DateOnly lastDay, DateOnly today) => today > lastDay;
}
