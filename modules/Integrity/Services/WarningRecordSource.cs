namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Offers the warning-education sessions held (dated today or earlier) to other modules: supervision's task "hold two
/// warning-education sessions" closes itself from them. The organisation is the one whose roster attended (null for
/// the whole agency); attendance comes as counts only (a linked meeting's, or the session's own), never as people.
/// </summary>
public sealed class WarningRecordSource(IntegrityDbContext db, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : ISharedRecordSource
{
    public string ModuleId => IntegrityModule.Id;
    public string Kind => SharedRecordKinds.IntegrityWarningEducation;
    public LocalizedText Name => new("警示教育", "Warning education");
    public string? Permission => IntegrityModule.ViewPermission;

    private IQueryable<WarningEducation> Held
    {
        get
        {
            var today = clock.Today;
            return db.WarningSessions.AsNoTracking().Include(w => w.Attendees).Where(w => w.Date <= today);
        }
    }

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken)
    {
        var q = Held;
        if (query.From is { } from) q = q.Where(w => w.Date >= from);
        if (query.To is { } to) q = q.Where(w => w.Date <= to);
        if (!string.IsNullOrWhiteSpace(query.Text)) { var text = query.Text.Trim(); q = q.Where(w => w.Title.Contains(text)); }
        return ToRecords(await q.OrderByDescending(w => w.Date).ThenByDescending(w => w.Id).Take(query.Take).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var numbers = ids.Select(i => int.TryParse(i, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
        if (numbers.Count == 0) return [];
        return ToRecords(await Held.Where(w => numbers.Contains(w.Id)).ToListAsync(cancellationToken));
    }

    private List<SharedRecord> ToRecords(IEnumerable<WarningEducation> sessions) => sessions.Select(w => new SharedRecord(Kind, w.Id.ToString(), w.Title, w.Date, w.Place,
        IntegrityModule.Links.Page($"/Warning/Details/{w.Id}"), T[Labels.Warning(w.Kind)].Value)
    {
        OrganizationId = w.OrganizationId,
        Type = w.Kind.ToString(),
        Attendance = w is { LinkedExpected: { } e, LinkedPresent: { } p } ? new SharedAttendance(e, p) : new SharedAttendance(w.Attendees.Count, w.Attendees.Count(a => a.Present)),
    }).ToList();
}
