using Modular.Modules.OrgLife.Domain;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>One period of a cadence: due from <see cref="DueFrom"/>, to be met by <see cref="End"/> (inclusive).</summary>
public readonly record struct Period(DateOnly Start, DateOnly End, DateOnly DueFrom)
{
    public bool Contains(DateOnly d) => d >= Start && d <= End;

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

/// <summary>The cadence rules of DOMAIN.md: periods of a year and the state of each.</summary>
public static class CadenceRules
{
    public static Period PeriodOf(MeetingType type, Cadence cadence, DateOnly date)
    {
        var months = Math.Max(1, (int)cadence);
        var startMonth = (date.Month - 1) / months * months + 1;
        var start = new DateOnly(date.Year, startMonth, 1);
        var end = start.AddMonths(months).AddDays(-1);
        // The organisational life meeting is yearly and normally held in the fourth quarter.
        var dueFrom = type == MeetingType.OrganizationalLifeMeeting && cadence == Cadence.Yearly ? new DateOnly(date.Year, 10, 1) : start;
        return new Period(start, end, dueFrom);
    }

    public static IReadOnlyList<Period> PeriodsOfYear(MeetingType type, Cadence cadence, int year)
    {
        if (cadence == Cadence.Off) return [];
        var list = new List<Period>();
        for (var month = 1; month <= 12; month += (int)cadence)
            list.Add(PeriodOf(type, cadence, new DateOnly(year, month, 1)));
        return list;
    }

    /// <param name="held">How many of the required units (the branch, or each Party group) held the meeting in the period.</param>
    /// <param name="required">How many are required: 1 for a branch, the number of groups for group meetings, 0 when the rule does not apply.</param>
    public static PeriodState StateOf(Period period, DateOnly today, int held, int required)
    {
        if (required <= 0) return PeriodState.NotRequired;
        if (held >= required) return PeriodState.Held;
        if (today < period.DueFrom) return PeriodState.Upcoming;
        return today <= period.End ? PeriodState.Due : PeriodState.Overdue;
    }

    /// <summary>The theme Party day's date in a month: the branch's fixed day, or the month's last day when shorter.</summary>
    public static DateOnly ThemeDayIn(int year, int month, int fixedDay) =>
        new(year, month, Math.Clamp(fixedDay, 1, DateTime.DaysInMonth(year, month)));

    /// <summary>Party secretaries give at least one Party lecture a year.</summary>
    public static PeriodState SecretaryLecture(int year, DateOnly today, bool secretaryLectured) =>
        StateOf(new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year, 1, 1)), today, secretaryLectured ? 1 : 0, 1);
}
