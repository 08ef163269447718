namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// Theme Party days that another module's record counts for a branch (a volunteer activity marked 计为主题党日), read as
/// shared records: org-life keeps no second record of them. While that module is off (or the user may not see its
/// records) nothing is counted from it, and compliance rests on the meeting records alone.
/// </summary>
public sealed class CountedThemeDays(ISharedRecords shared)
{
    /// <summary>The counted days of <paramref name="year"/> by branch, among <paramref name="branchIds"/>.</summary>
    public async Task<ILookup<int, SharedRecord>> OfYearAsync(int year, IReadOnlyCollection<int> branchIds, CancellationToken ct = default)
    {
        if (!shared.IsAvailable(SharedRecordKinds.VolunteerThemeDay)) return Array.Empty<SharedRecord>().ToLookup(r => 0);
        var records = await shared.SearchAsync(SharedRecordKinds.VolunteerThemeDay,
            new SharedRecordQuery(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Take: 200), ct);
        var wanted = branchIds.ToHashSet();
        return records.Where(r => r.OrganizationId is { } b && wanted.Contains(b)).ToLookup(r => r.OrganizationId!.Value);
    }

    /// <summary>A theme-day cell the meeting records leave open is held when a counted record falls in its period (the earliest one shows).</summary>
    public static ComplianceCell Apply(ComplianceCell cell, IEnumerable<SharedRecord> counted, DateOnly today)
    {
        if (cell.State is PeriodState.Held or PeriodState.NotRequired) return cell;
        if (counted.Where(r => cell.Period.Contains(r.Date)).OrderBy(r => r.Date).FirstOrDefault() is not { } record) return cell;
        var held = Math.Max(cell.Held, cell.Required);
        return cell with { Held = held, State = CadenceRules.StateOf(cell.Period, today, held, cell.Required), CountedFrom = record };
    }
}
