namespace Modular.Modules.Elections.Services;

/// <summary>
/// The org-life meetings an election can be linked to, through the SDK's shared records: the members' meetings of the
/// organisation, offered only while org-life answers. Linked, who was entitled and present comes from the meeting's
/// attendees (full members on the meeting day, where org-life lets the user see people); otherwise from the directory and
/// the figure entered.
/// </summary>
public sealed class ElectionMeetings(ISharedRecords shared, IDirectory directory, PeopleLookup people)
{
    /// <summary>Org-life's <c>MeetingType</c> of a members' meeting (支部党员大会), as its shared records name it.</summary>
    public const string MembersMeetingType = "BranchMembersMeeting";

    /// <summary>A linked meeting and its figures: full members entitled and present (null when the meeting does not say who came).</summary>
    public sealed record Found(SharedRecord Record, int? Entitled, int? Present);

    public bool Available => shared.IsAvailable(SharedRecordKinds.OrgLifeMeeting);

    /// <summary>A full member on the meeting day: on the roster, full, and full since that day or before.</summary>
    public static bool EntitledOn(MemberInfo m, DateOnly day) => m.CanVote && (m.FullMemberDate is null || m.FullMemberDate <= day);

    /// <summary>The full members of the organisation (and those under it) entitled to vote on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<MemberInfo>> EntitledAsync(int organizationId, DateOnly day, CancellationToken ct = default) =>
        (await directory.FindMembersAsync(MemberQuery.Voters with { OrganizationId = organizationId }, ct)).Where(m => EntitledOn(m, day)).ToList();

    /// <summary>The members' meetings of <paramref name="organizationId"/> from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public async Task<IReadOnlyList<SharedRecord>> BetweenAsync(int organizationId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Available
            ? (await shared.SearchAsync(SharedRecordKinds.OrgLifeMeeting, new SharedRecordQuery(from, to, Take: 100), ct))
                .Where(r => r.Type == MembersMeetingType && r.OrganizationId == organizationId).ToList()
            : [];

    /// <summary>One members' meeting of <paramref name="organizationId"/>, or null (unknown, another agency's or organisation's, or org-life off).</summary>
    public async Task<Found?> FindAsync(string id, int organizationId, CancellationToken ct = default)
    {
        if (!Available || !(await shared.GetAsync(SharedRecordKinds.OrgLifeMeeting, [id], ct)).TryGetValue(id, out var r)) return null;
        if (r.Type != MembersMeetingType || r.OrganizationId != organizationId) return null;
        if (r.Attendees is not { } attendees) return new Found(r, null, null);
        // Probationary members take part but do not vote: only full members on the day count as entitled and present.
        var names = await people.NamesAsync(attendees.Select(a => a.MemberId), ct);
        var full = attendees.Where(a => names.TryGetValue(a.MemberId, out var m) && EntitledOn(m, r.Date)).ToList();
        return new Found(r, full.Count, full.Count(a => a.Present));
    }
}
