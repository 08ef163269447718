using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages;

/// <summary>The activities: upcoming first, search, filters, sorting, server-side paging.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class IndexModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people, IAgencyClock clock, IAgencyCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityStatus? Status { get; set; }
    /// <summary>upcoming (default), past, mine, all.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<ActivityRow> List { get; private set; } = new([], 1, 20, 0);
    public bool CanOrganize { get; private set; }
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, kind = Kind, status = Status, show = Show, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanOrganize = await access.CanOrganizeAsync(ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
        var me = (await member.GetAsync(ct))?.Id;
        // To the minute, which the kept count is of.
        var now = clock.LocalNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        var query = await access.VisibleAsync(db.Activities.AsNoTracking(), ct);
        query = Show switch
        {
            "past" => query.Where(a => a.EndsAt < now),
            "mine" => query.Where(a => a.OrganizerMemberId == me || db.SignUps.Any(s => s.ActivityId == a.Id && s.MemberId == me && s.Status != SignUpStatus.Cancelled)),
            "all" => query,
            _ => query.Where(a => a.EndsAt >= now && a.Status != ActivityStatus.Cancelled),
        };
        if (Kind is { } k) query = query.Where(a => a.Kind == k);
        if (Status is { } s) query = query.Where(a => a.Status == s);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Title.Contains(q) || a.Place.Contains(q));
        }
        var past = Show == "past";
        var rows = ActivityQuery.Rows(db, query, me);
        rows = Sort switch
        {
            "start" => rows.OrderBy(a => a.StartsAt).ThenBy(a => a.Id),
            "-start" => rows.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id),
            "title" => rows.OrderBy(a => a.Title).ThenBy(a => a.Id),
            "-title" => rows.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            "free" => rows.OrderBy(a => a.Capacity - a.Accepted).ThenBy(a => a.StartsAt),
            "-free" => rows.OrderByDescending(a => a.Capacity - a.Accepted).ThenBy(a => a.StartsAt),
            _ => past ? rows.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id) : rows.OrderBy(a => a.StartsAt).ThenBy(a => a.Id),
        };
        // The count is kept per viewer, filter and minute until the agency's data changes; a search is counted.
        var totalKey = string.IsNullOrWhiteSpace(Q) ? $"{VolunteerModule.Id}:activities-count:{me}:{await access.VisibleKeyAsync(ct)}:{Show}:{Kind}:{Status}:{now:yyyy-MM-ddTHH:mm}" : null;
        List = await PagedList<ActivityRow>.CreateAsync(rows, PageNumber, 20, cache, totalKey, ct);
        return Page();
    }
}
