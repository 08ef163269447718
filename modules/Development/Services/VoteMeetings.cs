namespace Modular.Modules.Development.Services;

/// <summary>
/// The org-life meetings a vote (steps 15 and 23) can be linked to, through the SDK's shared records: the branch members'
/// meetings of the person's branch, offered only while org-life answers for the agency and the user. Linked, the figures
/// of those due and present come from the meeting (full members only, where org-life lets the user see who attended);
/// without org-life they are entered on the step, and a stored link keeps its title.
/// </summary>
public sealed class VoteMeetings(ISharedRecords shared, PeopleLookup people)
{
    /// <summary>Org-life's <c>MeetingType</c> of a branch members' meeting (支部党员大会), as its shared records name it.</summary>
    public const string MembersMeetingType = "BranchMembersMeeting";

    /// <summary>A linked meeting and the figures it gives: full members due and present (null when the meeting does not say).</summary>
    public sealed record Found(MeetingLink Link, int? Entitled, int? Present);

    public bool Available => shared.IsAvailable(SharedRecordKinds.OrgLifeMeeting);

    /// <summary>The branch members' meetings of <paramref name="organizationId"/> from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public async Task<IReadOnlyList<SharedRecord>> BetweenAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Available
            ? (await shared.SearchAsync(SharedRecordKinds.OrgLifeMeeting, new SharedRecordQuery(from, to, Take: 100), ct))
                .Where(r => r.Type == MembersMeetingType && r.OrganizationId == organizationId).ToList()
            : [];

    /// <summary>One branch members' meeting of <paramref name="organizationId"/>, or null (unknown, another agency's or branch's, or org-life off).</summary>
    public async Task<Found?> FindAsync(string id, int organizationId, CancellationToken ct = default)
    {
        if (!Available || !(await shared.GetAsync(SharedRecordKinds.OrgLifeMeeting, [id], ct)).TryGetValue(id, out var r)) return null;
        if (r.Type != MembersMeetingType || r.OrganizationId != organizationId) return null;
        var link = new MeetingLink(SharedRecordKinds.OrgLifeMeeting, r.Id, r.Title, r.Date);
        if (r.Attendees is { } attendees)
        {
            // Probationary members take part but do not vote: only full members count as due and present.
            var names = await people.NamesAsync(attendees.Select(a => a.MemberId), ct);
            var full = attendees.Where(a => names.TryGetValue(a.MemberId, out var m) && Roster.IsFullMember(m)).ToList();
            return new Found(link, full.Count, full.Count(a => a.Present));
        }
        return new Found(link, null, null);
    }
}
