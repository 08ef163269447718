using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>The meetings the user may see: search, filters, sorting, server-side paging.</summary>
public sealed class IndexModel(OrgLifeDbContext db, OrgLifeAccess access, ICurrentMember member, Roster roster, OrgLifeSettings settings, IAgencyCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Branch { get; set; }
    [BindProperty(SupportsGet = true)] public MeetingType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public MeetingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<Meeting> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public bool CanPlan { get; private set; }
    public bool Filtered => Q is not null || Branch is not null || Type is not null || Status is not null || Year is not null;
    public Roster Roster => roster;
    /// <summary>Each branch's fixed theme Party day, to show a theme Party day that moved.</summary>
    public Func<int, int> ThemeDays { get; private set; } = _ => 1;

    public string SortUrl(string column) =>
        Url.Page("Index", new { q = Q, branch = Branch, type = Type, status = Status, year = Year, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Filters that do not parse are left out (the list shows everything else), never an error page.
        var scope = await member.GetScopeAsync(ct);
        Branches = (await roster.BranchesAsync(ct)).Where(b => scope.CanSeeOrganization(b.Id)).ToList();
        CanPlan = await access.RecordsAnyAsync(ct);
        var query = await access.VisibleAsync(db.Meetings.AsNoTracking(), ct);
        if (Branch is { } b) query = query.Where(m => m.BranchId == b);
        if (Type is { } t) query = query.Where(m => m.Type == t);
        if (Status is { } s) query = query.Where(m => m.Status == s);
        if (Year is { } y and >= 2000 and <= 2100) query = query.Where(m => m.Date >= new DateOnly(y, 1, 1) && m.Date <= new DateOnly(y, 12, 31));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(m => m.Topic.Contains(text) || m.Place.Contains(text));
        }
        query = Sort switch
        {
            "date" => query.OrderBy(m => m.Date).ThenBy(m => m.Id),
            "type" => query.OrderBy(m => m.Type).ThenByDescending(m => m.Date),
            "-type" => query.OrderByDescending(m => m.Type).ThenByDescending(m => m.Date),
            "status" => query.OrderBy(m => m.Status).ThenByDescending(m => m.Date),
            "-status" => query.OrderByDescending(m => m.Status).ThenByDescending(m => m.Date),
            _ => query.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id),
        };
        // Only the shown columns (not the minutes); the rows name only their branch, so no roster is read.
        query = query.Select(m => new Meeting { Id = m.Id, Date = m.Date, BranchId = m.BranchId, Type = m.Type, Topic = m.Topic, Place = m.Place, Status = m.Status });
        // The count is kept per scope and filter until the agency's data changes; a search is counted.
        var totalKey = string.IsNullOrWhiteSpace(Q) ? $"{OrgLifeModule.Id}:meetings-count:{scope.Key}:{Branch}:{Type}:{Status}:{Year}" : null;
        List = await PagedList<Meeting>.CreateAsync(query, PageNumber, 20, cache, totalKey, ct);
        ThemeDays = await settings.ThemeDaysAsync(ct);
        return Page();
    }
}
