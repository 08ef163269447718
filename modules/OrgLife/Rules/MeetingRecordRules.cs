using Modular.Modules.OrgLife.Domain;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>One line of the attendance part of the record form.</summary>
public sealed record AttendanceLine(int MemberId, Attendance Attendance, string? LeaveReason);

/// <summary>One decision row of the record form; a row left wholly empty means no vote.</summary>
public sealed record DecisionLine(string? Subject, int? For, int? Against, int? Abstain);

/// <summary>Someone on the meeting's attendance list, as the vote rules see them.</summary>
public sealed record ExpectedAttendee(int MemberId, bool CanVote, bool IsCommitteeMember);

/// <summary>The record as checked: one attendance line per expected attendee, the votes, the minutes, and what is wrong.</summary>
public sealed record CheckedRecord(IReadOnlyList<AttendanceLine> Attendance, IReadOnlyList<VoteFact> Votes, string? Minutes, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Recording a meeting as held: what the form must satisfy (a meeting is recorded on or after its day, everyone
/// expected is accounted for, leave has a reason, the minutes are there, vote counts can be true). The change to
/// held is <c>MeetingRecorder</c>'s.
/// </summary>
public static class MeetingRecordRules
{
    public const int MaxLeaveReason = 200;
    public const int MaxMinutes = 8000;
    public const int MaxSubject = 200;

    /// <summary>Checks the record form of a meeting of <paramref name="type"/> on <paramref name="date"/>, filled in on <paramref name="today"/>.</summary>
    /// <param name="expected">The meeting's attendance list.</param>
    public static CheckedRecord Check(MeetingType type, DateOnly date, IReadOnlyList<ExpectedAttendee> expected,
        IReadOnlyList<AttendanceLine> rows, IReadOnlyList<DecisionLine> decisions, string? minutes, DateOnly today)
    {
        var problems = new List<Problem>();
        if (date > today) problems.Add(new("", "The meeting's date is still to come: it can be recorded on or after the day."));
        // Lines of people not expected are ignored; a member sent twice counts once.
        var lines = rows.Where(r => expected.Any(a => a.MemberId == r.MemberId)).GroupBy(r => r.MemberId).Select(g => g.First()).ToList();
        if (lines.Count != expected.Count) problems.Add(new("", "Record the attendance of every expected attendee."));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Attendance is not (Attendance.Present or Attendance.Leave or Attendance.Absent))
                problems.Add(new($"Rows[{i}].Attendance", "Choose present, on leave or absent."));
            if (r.Attendance == Attendance.Leave && string.IsNullOrWhiteSpace(r.LeaveReason))
                problems.Add(new($"Rows[{i}].LeaveReason", "Enter the reason for the leave."));
            if (r.LeaveReason?.Trim().Length > MaxLeaveReason) problems.Add(new($"Rows[{i}].LeaveReason", "The reason can be at most 200 characters."));
        }
        if (minutes?.Trim().Length > MaxMinutes) problems.Add(new("Minutes", "The minutes can be at most 8000 characters."));
        if (string.IsNullOrWhiteSpace(minutes)) problems.Add(new("Minutes", "Enter the minutes."));

        // The vote rules read the attendance as it is being recorded.
        var facts = lines.Select(r =>
        {
            var a = expected.First(x => x.MemberId == r.MemberId);
            return new AttendanceFact(r.Attendance, a.CanVote, a.IsCommitteeMember);
        }).ToList();
        var votes = new List<VoteFact>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            if (string.IsNullOrWhiteSpace(d.Subject) && d.For is null && d.Against is null && d.Abstain is null) continue;
            if (string.IsNullOrWhiteSpace(d.Subject)) { problems.Add(new($"Decisions[{i}].Subject", "Enter what was voted on.")); continue; }
            if (d.Subject.Trim().Length > MaxSubject) problems.Add(new($"Decisions[{i}].Subject", "The subject can be at most 200 characters."));
            var vote = new VoteFact(d.Subject.Trim(), d.For ?? 0, d.Against ?? 0, d.Abstain ?? 0);
            if (MeetingRules.VoteError(type, facts, vote) is { } error) problems.Add(new($"Decisions[{i}].For", error));
            votes.Add(vote);
        }
        return new CheckedRecord(lines, votes, minutes, problems);
    }
}
