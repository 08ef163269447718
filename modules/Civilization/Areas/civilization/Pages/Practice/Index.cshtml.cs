using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Practice;

/// <summary>The practice point's activities; a linked record links to its module while that module is on, otherwise shows its snapshot.</summary>
[RequirePermission(CivilizationModule.ViewPermission)]
public sealed class IndexModel(CivilizationDbContext db, CivilizationAccess access, ISharedRecords shared) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PracticeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<PracticeActivity> List { get; private set; } = new([], 1, 20, 0);
    /// <summary>Live links of linked records, by kind and id (only for sources that are on).</summary>
    public Dictionary<(string, string), SharedRecord> Linked { get; } = [];
    public bool IsManager => access.IsManager;

    /// <summary>The linked record's attendance while its module is on; otherwise the stored number (typed, or the link's snapshot).</summary>
    public int? ParticipantsOf(PracticeActivity p) =>
        p.LinkedKind is { } k && p.LinkedId is { } id && Linked.TryGetValue((k, id), out var r) && PracticeRules.ParticipantsFrom(r.Attendance) is { } n ? n : p.Participants;

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, kind = Kind, year = Year, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.PracticeActivities.AsNoTracking();
        if (Kind is { } k) query = query.Where(p => p.Kind == k);
        if (Year is { } y) { var from = new DateOnly(y, 1, 1); var to = from.AddYears(1); query = query.Where(p => p.Date >= from && p.Date < to); }
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(p => p.Title.Contains(q) || (p.Place != null && p.Place.Contains(q))); }
        query = Sort switch
        {
            "date" => query.OrderBy(p => p.Date).ThenBy(p => p.Id),
            "title" => query.OrderBy(p => p.Title).ThenBy(p => p.Id),
            "-title" => query.OrderByDescending(p => p.Title).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id),
        };
        List = await PagedList<PracticeActivity>.CreateAsync(query, PageNumber, 20, ct);
        foreach (var group in List.Items.Where(p => p.LinkedKind is not null && p.LinkedId is not null).GroupBy(p => p.LinkedKind!))
            foreach (var (id, record) in await shared.GetAsync(group.Key, group.Select(p => p.LinkedId!).ToList(), ct))
                Linked[(group.Key, id)] = record;
        return Page();
    }
}
