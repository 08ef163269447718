namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Offers held meetings to other modules (enter once: warning education and civilization practice link a meeting
/// instead of typing its date, place and attendance again). Which meetings: those the user sees in org-life (the Party
/// office all, a secretary or committee member their branch's, a member the ones they were expected at). The rule for
/// people: the attendees' ids go only to a user who keeps that branch's records (<see cref="OrgLifeAccess.CanRecordAsync"/>);
/// anyone else gets the counts alone.
/// </summary>
public sealed class MeetingRecordSource(OrgLifeDbContext db, OrgLifeAccess access, PeopleLookup people) : ISharedRecordSource
{
    public string ModuleId => OrgLifeModule.Id;
    public string Kind => SharedRecordKinds.OrgLifeMeeting;
    public LocalizedText Name => new("组织生活会议", "Org-life meeting");
    public string? Permission => OrgLifeModule.ViewPermission;

    private async Task<IQueryable<Meeting>> HeldAsync(CancellationToken ct) =>
        (await access.VisibleAsync(db.Meetings.AsNoTracking(), ct)).Where(m => m.Status == MeetingStatus.Held);

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken)
    {
        var q = await HeldAsync(cancellationToken);
        if (query.From is { } from) q = q.Where(m => m.Date >= from);
        if (query.To is { } to) q = q.Where(m => m.Date <= to);
        if (!string.IsNullOrWhiteSpace(query.Text)) { var text = query.Text.Trim(); q = q.Where(m => m.Topic.Contains(text) || m.Place.Contains(text)); }
        var rows = await q.Include(m => m.Attendees).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Take(query.Take).ToListAsync(cancellationToken);
        return await ToRecordsAsync(rows, cancellationToken);
    }

    public async Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var numbers = ids.Select(i => int.TryParse(i, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
        if (numbers.Count == 0) return [];
        var rows = await (await HeldAsync(cancellationToken)).Where(m => numbers.Contains(m.Id)).Include(m => m.Attendees).ToListAsync(cancellationToken);
        return await ToRecordsAsync(rows, cancellationToken);
    }

    private async Task<IReadOnlyList<SharedRecord>> ToRecordsAsync(IReadOnlyList<Meeting> meetings, CancellationToken ct)
    {
        var orgs = await people.OrganizationsByIdAsync(ct);
        var keeps = new Dictionary<int, bool>();
        var records = new List<SharedRecord>();
        foreach (var m in meetings)
        {
            if (!keeps.TryGetValue(m.BranchId, out var seesPeople)) keeps[m.BranchId] = seesPeople = await access.CanRecordAsync(m.BranchId, ct);
            var branch = orgs.TryGetValue(m.BranchId, out var o) ? o.Name : "";
            records.Add(new SharedRecord(Kind, m.Id.ToString(), m.Topic, m.Date, m.Place, OrgLifeModule.Links.Page($"/Meetings/Details/{m.Id}"),
                string.IsNullOrEmpty(branch) ? m.Type.Label() : $"{branch} · {m.Type.Label()}")
            {
                OrganizationId = m.BranchId,
                Type = m.Type.ToString(),
                Attendance = new SharedAttendance(m.Attendees.Count, m.Attendees.Count(a => a.Attendance == Attendance.Present), m.Attendees.Count(a => a.Attendance == Attendance.Leave)),
                Attendees = seesPeople ? m.Attendees.OrderBy(a => a.MemberId).Select(a => new SharedAttendee(a.MemberId, a.Attendance == Attendance.Present)).ToList() : null,
            });
        }
        return records;
    }
}
