using Modular.Modules.OrgLife.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Services;

/// <summary>Checks a meeting's record (<see cref="MeetingRecordRules"/>) and makes the meeting held with it; the page saves.</summary>
public sealed class MeetingRecorder(MeetingPlanner planner, IAgencyClock clock)
{
    /// <summary>Checks the form against the meeting's attendance list, on the agency's today.</summary>
    public CheckedRecord Check(Meeting meeting, IReadOnlyList<AttendanceLine> rows, IReadOnlyList<DecisionLine> decisions, string? minutes) =>
        MeetingRecordRules.Check(meeting.Type, meeting.Date,
            meeting.Attendees.Select(a => new ExpectedAttendee(a.MemberId, a.CanVote, a.IsCommitteeMember)).ToList(),
            rows, decisions, minutes, clock.Today);

    /// <summary>
    /// Readies the attendance list for the record form: a meeting not yet recorded takes in the roster's changes since it
    /// was planned (with the rights of the meeting's date); a held meeting's list is its own and is never re-read, so a
    /// correction cannot turn a member who was probationary on the day into a voter.
    /// </summary>
    public Task PrepareAsync(Meeting meeting, CancellationToken ct = default) => planner.SyncAttendeesAsync(meeting, ct);

    /// <summary>
    /// Makes the meeting held with a valid record (checked against its list by <see cref="Check"/>): each attendee's
    /// attendance (a leave keeps its reason), the decisions and the minutes. The list and its rights are left as they are.
    /// </summary>
    public void Record(Meeting meeting, CheckedRecord record)
    {
        if (!record.IsValid) throw new InvalidOperationException("Only a valid record is kept.");
        foreach (var r in record.Attendance)
        {
            if (meeting.Attendees.FirstOrDefault(a => a.MemberId == r.MemberId) is not { } a) continue;
            a.Attendance = r.Attendance;
            a.LeaveReason = r.Attendance == Attendance.Leave ? r.LeaveReason!.Trim() : null;
        }
        meeting.Decisions.Clear();
        meeting.Decisions.AddRange(record.Votes.Select(v => new MeetingDecision { Subject = v.Subject, VotesFor = v.For, VotesAgainst = v.Against, Abstentions = v.Abstain }));
        meeting.Minutes = record.Minutes!.Trim();
        meeting.Status = MeetingStatus.Held;
        meeting.RecordedAtUtc = clock.UtcNow.UtcDateTime;
    }
}
