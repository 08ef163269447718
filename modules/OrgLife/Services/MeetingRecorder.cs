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
    /// Makes the meeting held with a valid record: the attendance list refreshed from the roster (who may vote, as it
    /// stands today), each attendee's attendance (a leave keeps its reason), the decisions and the minutes.
    /// </summary>
    public async Task RecordAsync(Meeting meeting, CheckedRecord record, CancellationToken ct = default)
    {
        if (!record.IsValid) throw new InvalidOperationException("Only a valid record is kept.");
        await planner.SyncAttendeesAsync(meeting, ct);
        foreach (var r in record.Attendance)
        {
            // Someone dropped from the list by the refresh is skipped.
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
