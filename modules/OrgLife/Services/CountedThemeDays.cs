using Microsoft.Extensions.Logging;

namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Theme Party days that another module's record counts for a branch (a volunteer activity marked 计为主题党日), read as
/// shared records: nobody enters them twice. What was counted is kept as a snapshot (<see cref="CountedThemeDay"/>), so a
/// day counted stays counted while that module is off (or the user may not see its records); the snapshot then shows
/// without a link.
/// </summary>
public sealed class CountedThemeDays(OrgLifeDbContext db, ISharedRecords shared, DbContextOptions<OrgLifeDbContext> options, ICurrentAgency agency,
    ILogger<CountedThemeDays> logger)
{
    private const string Kind = SharedRecordKinds.VolunteerThemeDay;
    /// <summary>The most a source answers at once: a year of theme days counted from activities stays far below it.</summary>
    private const int Take = 200;

    /// <summary>The counted days of <paramref name="year"/> by branch, among <paramref name="branchIds"/>: live while the source answers, else as kept.</summary>
    public async Task<ILookup<int, SharedRecord>> OfYearAsync(int year, IReadOnlyCollection<int> branchIds, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        IReadOnlyList<SharedRecord> records;
        if (shared.IsAvailable(Kind))
        {
            records = (await shared.SearchAsync(Kind, new SharedRecordQuery(from, to, Take: Take), ct)).Where(r => r.OrganizationId is not null).ToList();
            await KeepAsync(from, to, records, complete: records.Count < Take, ct);
        }
        else
        {
            records = (await db.CountedThemeDays.AsNoTracking().Where(c => c.Kind == Kind && c.Date >= from && c.Date <= to).ToListAsync(ct))
                .Select(Snapshot.ToRecord).ToList();
        }
        var wanted = branchIds.ToHashSet();
        return records.Where(r => wanted.Contains(r.OrganizationId!.Value)).ToLookup(r => r.OrganizationId!.Value);
    }

    /// <summary>
    /// Brings the snapshots of the period in line with what the source counts now. Written through a context of its own, so
    /// a page that reads compliance never saves its own pending changes by the way; a concurrent reader that wrote the same
    /// snapshot first is no fault.
    /// </summary>
    private async Task KeepAsync(DateOnly from, DateOnly to, IReadOnlyList<SharedRecord> live, bool complete, CancellationToken ct)
    {
        var kept = await db.CountedThemeDays.AsNoTracking().Where(c => c.Kind == Kind && c.Date >= from && c.Date <= to).ToListAsync(ct);
        var byId = kept.ToDictionary(c => c.SourceId);
        var changed = live.Where(r => !byId.TryGetValue(r.Id, out var k) || !Snapshot.Same(k, r)).ToList();
        var liveIds = live.Select(r => r.Id).ToHashSet();
        // Only a complete answer tells which records the source no longer counts.
        var gone = complete ? kept.Where(k => !liveIds.Contains(k.SourceId)).Select(k => k.SourceId).ToList() : [];
        if (changed.Count == 0 && gone.Count == 0) return;

        await using var own = new OrgLifeDbContext(options, agency);
        // By id, not by the period: a record moved from another year updates its snapshot.
        var ids = changed.Select(r => r.Id).Concat(gone).ToList();
        var rows = await own.CountedThemeDays.Where(c => c.Kind == Kind && ids.Contains(c.SourceId)).ToListAsync(ct);
        own.CountedThemeDays.RemoveRange(rows.Where(r => gone.Contains(r.SourceId)));
        foreach (var record in changed)
        {
            var row = rows.FirstOrDefault(r => r.SourceId == record.Id);
            if (row is null) own.CountedThemeDays.Add(row = new CountedThemeDay { Kind = Kind, SourceId = record.Id });
            Snapshot.Copy(record, row);
        }
        try
        {
            await own.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Counted theme days {Ids} were kept by another request first", string.Join(",", ids));
        }
    }

    /// <summary>
    /// A theme-day cell the meeting records leave open is held when a counted record falls in its period (the earliest one
    /// shows); held on another day than the branch's fixed day <paramref name="themeDay"/>, it shows that it moved, as a
    /// meeting does.
    /// </summary>
    public static ComplianceCell Apply(ComplianceCell cell, IEnumerable<SharedRecord> counted, DateOnly today, int themeDay)
    {
        if (cell.State is PeriodState.Held or PeriodState.NotRequired) return cell;
        if (counted.Where(r => cell.Period.Contains(r.Date)).OrderBy(r => r.Date).FirstOrDefault() is not { } record) return cell;
        var held = Math.Max(cell.Held, cell.Required);
        return cell with
        {
            Held = held, State = CadenceRules.StateOf(cell.Period, today, held, cell.Required), CountedFrom = record,
            Moved = CadenceRules.MoveOf(record.Date, themeDay),
        };
    }

    private static class Snapshot
    {
        public static SharedRecord ToRecord(CountedThemeDay c) => new(c.Kind, c.SourceId, c.Title, c.Date, c.Place)
        {
            OrganizationId = c.BranchId,
            Type = SharedRecordTypes.ThemePartyDay,
            Attendance = c.Expected is { } e ? new SharedAttendance(e, c.Present ?? 0) : null,
        };

        public static bool Same(CountedThemeDay c, SharedRecord r) =>
            c.BranchId == r.OrganizationId && c.Title == Cut(r.Title, 200) && c.Date == r.Date && c.Place == Cut(r.Place, 200)
            && c.Expected == r.Attendance?.Expected && c.Present == r.Attendance?.Present;

        public static void Copy(SharedRecord r, CountedThemeDay c)
        {
            (c.BranchId, c.Title, c.Date, c.Place) = (r.OrganizationId!.Value, Cut(r.Title, 200)!, r.Date, Cut(r.Place, 200));
            (c.Expected, c.Present) = (r.Attendance?.Expected, r.Attendance?.Present);
        }

        private static string? Cut(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
    }
}
