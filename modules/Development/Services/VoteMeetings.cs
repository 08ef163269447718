namespace Modular.Modules.Development.Services;

/// <summary>
/// The org-life meetings a vote (steps 15 and 23) can be linked to, through the SDK's shared records: offered only while
/// org-life answers for the agency and the user; without it the figures are entered on the step and a stored link keeps
/// its title.
/// </summary>
public sealed class VoteMeetings(ISharedRecords shared)
{
    /// <summary>Org-life's meetings as shared records.</summary>
    public const string Kind = "org-life.meeting";

    public bool Available => shared.IsAvailable(Kind);

    /// <summary>Meetings from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public async Task<IReadOnlyList<SharedRecord>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Available ? await shared.SearchAsync(Kind, new SharedRecordQuery(from, to, Take: 100), ct) : [];

    /// <summary>One meeting of the agency, or null (unknown, another agency's, or org-life off).</summary>
    public async Task<MeetingLink?> FindAsync(string id, CancellationToken ct = default) =>
        Available && (await shared.GetAsync(Kind, [id], ct)).TryGetValue(id, out var r) ? new MeetingLink(Kind, r.Id, r.Title, r.Date) : null;
}
