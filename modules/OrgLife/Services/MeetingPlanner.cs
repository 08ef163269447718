using Modular.Modules.OrgLife.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Services;

/// <summary>Who is expected at a meeting (from the roster) and the attendance facts the rules read.</summary>
public sealed class MeetingPlanner(Roster roster)
{
    /// <summary>Committee meetings: the committee; Party group meetings: the group; otherwise every Party member of the branch.</summary>
    public async Task<IReadOnlyList<MemberInfo>> ExpectedAsync(MeetingType type, int branchId, int? groupId, CancellationToken ct = default)
    {
        var members = await roster.PartyMembersAsync(branchId, ct);
        var committee = await roster.CommitteeAsync(branchId, ct);
        return type switch
        {
            MeetingType.BranchCommitteeMeeting => members.Where(m => committee.Contains(m.Id)).ToList(),
            MeetingType.PartyGroupMeeting => members.Where(m => m.GroupId == groupId).ToList(),
            _ => members,
        };
    }

    /// <summary>
    /// Brings a planned meeting's attendance list in line with the roster: adds those now expected, drops those no longer
    /// expected who have no attendance recorded, and refreshes what each may do (vote, committee, cadre) on the meeting's
    /// date. A held or cancelled meeting keeps the list of its date: a later roster never rewrites who could vote.
    /// </summary>
    public async Task SyncAttendeesAsync(Meeting meeting, CancellationToken ct = default)
    {
        if (meeting.Status != MeetingStatus.Planned) return;
        var expected = await ExpectedAsync(meeting.Type, meeting.BranchId, meeting.GroupId, ct);
        var committee = await roster.CommitteeAsync(meeting.BranchId, ct);
        var byId = expected.ToDictionary(m => m.Id);
        meeting.Attendees.RemoveAll(a => !byId.ContainsKey(a.MemberId) && a.Attendance == Attendance.Expected);
        foreach (var m in expected)
        {
            var row = meeting.Attendees.FirstOrDefault(a => a.MemberId == m.Id);
            if (row is null) meeting.Attendees.Add(row = new MeetingAttendee { MemberId = m.Id });
            Stamp(row, m, committee, meeting.Date);
        }
    }

    public static void Stamp(MeetingAttendee row, MemberInfo m, IReadOnlySet<int> committee, DateOnly date)
    {
        row.CanVote = MeetingRules.CanVoteOn(m.CanVote, m.FullMemberDate, date);
        row.IsCommitteeMember = committee.Contains(m.Id);
        row.IsLeadingCadre = m.IsLeadingCadre;
    }

    public static List<AttendanceFact> Facts(IEnumerable<MeetingAttendee> attendees) =>
        attendees.Select(a => new AttendanceFact(a.Attendance, a.CanVote, a.IsCommitteeMember)).ToList();

    public static List<VoteFact> Votes(IEnumerable<MeetingDecision> decisions) =>
        decisions.Select(d => new VoteFact(d.Subject, d.VotesFor, d.VotesAgainst, d.Abstentions)).ToList();

    /// <summary>The warnings of a held meeting's record.</summary>
    public static IReadOnlyList<string> Warnings(Meeting m) =>
        m.Status == MeetingStatus.Held ? MeetingRules.Warnings(m.Type, Facts(m.Attendees), Votes(m.Decisions)) : [];
}
