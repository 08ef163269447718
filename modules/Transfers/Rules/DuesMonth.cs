using System.Globalization;
using Modular.Sdk;

namespace Modular.Modules.Transfers.Rules;

/// <summary>
/// The month to which a member's dues are paid (党费交至月份), kept as the last day of that month (as the dues module's
/// shared record <c>dues.paid-through</c> gives it) and entered as <c>yyyy-MM</c>.
/// </summary>
public static class DuesMonth
{
    /// <summary>The last day of the month <paramref name="text"/> (<c>2026-11</c>) names; null when it names none.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return null;
        return SaneDates.IsSane(first) ? LastDay(first) : null;
    }

    /// <summary>The last day of the month of <paramref name="date"/>.</summary>
    public static DateOnly LastDay(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>As a form field shows it: <c>2026-11</c>.</summary>
    public static string? Input(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>As a letter says it: 2026年11月.</summary>
    public static string Words(DateOnly? month) => month is { } m ? $"{m.Year}年{m.Month}月" : "—";
}
