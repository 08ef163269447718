using Modular.Modules.Elections.Domain;
using Modular.Sdk;

namespace Modular.Modules.Elections.Rules;

/// <summary>How an organisation's term stands on a day.</summary>
public enum TermState
{
    /// <summary>No term dates in the directory.</summary>
    Unknown = 0,
    /// <summary>Ends after the reminder window.</summary>
    Current = 1,
    /// <summary>Ends within <see cref="ElectionRules.ReminderMonths"/> months.</summary>
    Due = 2,
    /// <summary>Ended: the election is overdue.</summary>
    Overdue = 3,
}

/// <summary>An election's dated steps as the deadlines read them.</summary>
public sealed record ElectionDates(ElectionStatus Status, DateOnly PlannedOn, DateOnly? RequestedOn, DateOnly? RepliedOn, bool? Approved);

/// <summary>The step an election waits for and when it is due (a deadline warns, it never blocks).</summary>
public sealed record ElectionDue(ElectionStage Stage, DateOnly Due)
{
    public bool OverdueOn(DateOnly today) => today > Due;
}

/// <summary>
/// Deadlines of an election (they warn and go to the to-do centre): the request at least 30 days before the planned
/// meeting, the reply within 30 days of the request, the meeting on its planned day; and the term reminder.
/// </summary>
public static class ElectionDeadlines
{
    public static TermState Term(DateOnly? termEnd, DateOnly today) =>
        termEnd is not { } end ? TermState.Unknown
        : end < today ? TermState.Overdue
        : end <= today.AddMonths(ElectionRules.ReminderMonths) ? TermState.Due
        : TermState.Current;

    /// <summary>Where an election stands: the step it waits for.</summary>
    public static ElectionStage Stage(ElectionDates e) => e.Status switch
    {
        ElectionStatus.Completed => ElectionStage.Completed,
        ElectionStatus.Cancelled => ElectionStage.Cancelled,
        _ when e.RequestedOn is null => ElectionStage.Request,
        _ when e.RepliedOn is null || e.RepliedOn < e.RequestedOn => ElectionStage.Reply,
        _ when e.Approved != true => ElectionStage.NotApproved,
        _ => ElectionStage.Meeting,
    };

    /// <summary>The deadline of the step an open election waits for; null when done or dropped.</summary>
    public static ElectionDue? Of(ElectionDates e) => Stage(e) switch
    {
        ElectionStage.Request or ElectionStage.NotApproved => new(Stage(e), e.PlannedOn.AddDays(-ElectionRules.RequestDaysBefore)),
        ElectionStage.Reply => new(ElectionStage.Reply, e.RequestedOn!.Value.AddDays(ElectionRules.ReplyDays)),
        ElectionStage.Meeting => new(ElectionStage.Meeting, e.PlannedOn),
        _ => null,
    };
}
