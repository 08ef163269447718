using Modular.Sdk;
using Modular.Modules.OrgLife.Domain;

namespace Modular.Modules.OrgLife.Rules;

/// <param name="Moved">A theme Party day held away from its fixed day (it counts, and shows that it moved).</param>
/// <param name="CountedFrom">Another module's record that made the period held (a volunteer activity counted as the theme Party day).</param>
public sealed record ComplianceCell(Period Period, PeriodState State, int Held, int Required, ThemeDayMove? Moved = null, SharedRecord? CountedFrom = null);

/// <summary>A held meeting as the compliance rules read it.</summary>
public sealed record HeldMeeting(MeetingType Type, DateOnly Date, int? GroupId, int? HostMemberId);

/// <summary>Where a branch stands, period by period, computed from its held meetings alone.</summary>
public static class ComplianceRules
{
    /// <summary>
    /// One branch's periods of a meeting type in a year: held by the meetings of the type in each period (each Party group
    /// for group meetings), else due, overdue or not yet due. A theme Party day is due by the branch's fixed day
    /// (<paramref name="themeDay"/>) and, held on another day of the period, counts and shows that it moved.
    /// </summary>
    public static IReadOnlyList<ComplianceCell> Cells(MeetingType type, Cadence cadence, int year, IReadOnlyList<HeldMeeting> ofType,
        IReadOnlySet<int> groups, int required, int themeDay, DateOnly today) =>
        CadenceRules.PeriodsOfYear(type, cadence, year, themeDay).Select(p =>
        {
            var inPeriod = ofType.Where(m => p.Contains(m.Date)).OrderBy(m => m.Date).ToList();
            var count = type == MeetingType.PartyGroupMeeting
                ? inPeriod.Where(m => m.GroupId is { } g && groups.Contains(g)).Select(m => m.GroupId).Distinct().Count()
                : Math.Min(1, inPeriod.Count);
            // A theme Party day on a fixed day in the period is on time; otherwise the first one held shows the move.
            var moved = type == MeetingType.ThemePartyDay && inPeriod.Count > 0 && inPeriod.All(m => CadenceRules.MoveOf(m.Date, themeDay) is not null)
                ? CadenceRules.MoveOf(inPeriod[0].Date, themeDay) : null;
            return new ComplianceCell(p, CadenceRules.StateOf(p, today, count, required), count, required, moved);
        }).ToList();
}
