namespace Modular.Modules.Dues.Rules;

/// <summary>Dues are owed by calendar month; a month is kept as its first day.</summary>
public static class Months
{
    /// <summary>The month <paramref name="date"/> falls in (its first day).</summary>
    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The last day of the month.</summary>
    public static DateOnly LastDay(DateOnly month) => Of(month).AddMonths(1).AddDays(-1);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (0 in the same month; negative when <paramref name="to"/> is earlier).</summary>
    public static int Between(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;

    /// <summary><paramref name="count"/> months from <paramref name="first"/> on.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly first, int count)
    {
        var m = Of(first);
        for (var i = 0; i < count; i++) yield return m.AddMonths(i);
    }

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DateOnly> From(DateOnly first, DateOnly last) => Range(first, Math.Max(0, Between(first, last) + 1));

    /// <summary>The last month of the quarter <paramref name="month"/> is in.</summary>
    public static DateOnly QuarterEnd(DateOnly month) => new(month.Year, (month.Month - 1) / 3 * 3 + 3, 1);

    /// <summary>"2026-05".</summary>
    public static string Text(DateOnly month) => month.ToString("yyyy-MM");

    /// <summary>Reads "2026-05" (an HTML month field); null when it is no month of 2000 to 2100.</summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), out var y) && int.TryParse(text.AsSpan(5, 2), out var m)
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 ? new DateOnly(y, m, 1) : null;
}
