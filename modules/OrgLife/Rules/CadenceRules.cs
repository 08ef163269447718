using Modular.Modules.OrgLife.Domain;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>
/// One period of a cadence: due from <see cref="DueFrom"/>, to be met by <see cref="DueBy"/> (inclusive): the period's
/// end, or an earlier <paramref name="Deadline"/> (the theme Party day's fixed day). A meeting anywhere in the period counts.
/// </summary>
public readonly record struct Period(DateOnly Start, DateOnly End, DateOnly DueFrom, DateOnly? Deadline = null)
{
    public bool Contains(DateOnly d) => d >= Start && d <= End;

    /// <summary>The last day the meeting is on time: after it, a period not yet met is overdue.</summary>
    public DateOnly DueBy => Deadline ?? End;

    public string Zh(Cadence cadence) => cadence switch
    {
        Cadence.Monthly => $"{Start.Year}年{Start.Month}月",
        Cadence.Quarterly => $"{Start.Year}年第{(Start.Month + 2) / 3}季度",
        Cadence.HalfYearly => $"{Start.Year}年{(Start.Month <= 6 ? "上" : "下")}半年",
        _ => $"{Start.Year}年",
    };

    /// <summary>Column heading within a year: "1月", "Q3", "上半年", "全年".</summary>
    public string Short(Cadence cadence) => cadence switch
    {
        Cadence.Monthly => $"{Start.Month}月",
        Cadence.Quarterly => $"Q{(Start.Month + 2) / 3}",
        Cadence.HalfYearly => Start.Month <= 6 ? "上半年" : "下半年",
        _ => "全年",
    };
}

/// <summary>Where one branch stands for one period: computed from held meetings only.</summary>
public enum PeriodState
{
    /// <summary>The rule does not apply (cadence off, no committee, no Party groups).</summary>
    NotRequired,
    /// <summary>Not yet due.</summary>
    Upcoming,
    /// <summary>Due now, not yet held.</summary>
    Due,
    Held,
    /// <summary>The period ended without the meeting.</summary>
    Overdue,
}

/// <summary>A theme Party day moved (改期) from its month's fixed day <paramref name="Fixed"/> to <paramref name="Held"/>.</summary>
public sealed record ThemeDayMove(DateOnly Fixed, DateOnly Held);

/// <summary>The cadence rules of DOMAIN.md: periods of a year and the state of each.</summary>
public static class CadenceRules
{
    /// <param name="themeDay">The branch's fixed theme Party day (1–31): a theme Party day is due by that day of the period's last month.</param>
    public static Period PeriodOf(MeetingType type, Cadence cadence, DateOnly date, int? themeDay = null)
    {
        var months = Math.Max(1, (int)cadence);
        var startMonth = (date.Month - 1) / months * months + 1;
        var start = new DateOnly(date.Year, startMonth, 1);
        var end = start.AddMonths(months).AddDays(-1);
        // The organisational life meeting is yearly and normally held in the fourth quarter.
        var dueFrom = type == MeetingType.OrganizationalLifeMeeting && cadence == Cadence.Yearly ? new DateOnly(date.Year, 10, 1) : start;
        DateOnly? deadline = type == MeetingType.ThemePartyDay && themeDay is { } day ? ThemeDayIn(end.Year, end.Month, day) : null;
        return new Period(start, end, dueFrom, deadline);
    }

    public static IReadOnlyList<Period> PeriodsOfYear(MeetingType type, Cadence cadence, int year, int? themeDay = null)
    {
        if (cadence == Cadence.Off) return [];
        var list = new List<Period>();
        for (var month = 1; month <= 12; month += (int)cadence)
            list.Add(PeriodOf(type, cadence, new DateOnly(year, month, 1), themeDay));
        return list;
    }

    /// <param name="held">How many of the required units (the branch, or each Party group) held the meeting in the period.</param>
    /// <param name="required">How many are required: 1 for a branch, the number of groups for group meetings, 0 when the rule does not apply.</param>
    public static PeriodState StateOf(Period period, DateOnly today, int held, int required)
    {
        if (required <= 0) return PeriodState.NotRequired;
        if (held >= required) return PeriodState.Held;
        if (today < period.DueFrom) return PeriodState.Upcoming;
        return today <= period.DueBy ? PeriodState.Due : PeriodState.Overdue;
    }

    /// <summary>The theme Party day's date in a month: the branch's fixed day, or the month's last day when shorter.</summary>
    public static DateOnly ThemeDayIn(int year, int month, int fixedDay) =>
        new(year, month, Math.Clamp(fixedDay, 1, DateTime.DaysInMonth(year, month)));

    /// <summary>The fixed theme Party day to propose when planning one on <paramref name="today"/>: this month's, or next month's once passed.</summary>
    public static DateOnly NextThemeDay(DateOnly today, int fixedDay)
    {
        var day = ThemeDayIn(today.Year, today.Month, fixedDay);
        if (day >= today) return day;
        var next = today.AddMonths(1);
        return ThemeDayIn(next.Year, next.Month, fixedDay);
    }

    /// <summary>A theme Party day held (or planned) on <paramref name="date"/>, away from its month's fixed day: it still counts, and shows it moved.</summary>
    public static ThemeDayMove? MoveOf(DateOnly date, int fixedDay)
    {
        var fixedDate = ThemeDayIn(date.Year, date.Month, fixedDay);
        return date == fixedDate ? null : new ThemeDayMove(fixedDate, date);
    }

    /// <summary>Party secretaries give at least one Party lecture a year.</summary>
    public static PeriodState SecretaryLecture(int year, DateOnly today, bool secretaryLectured) =>
        StateOf(new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year, 1, 1)), today, secretaryLectured ? 1 : 0, 1);
}
