namespace Modular.Modules.Integrity.Pages.Risks;

/// <summary>The integrity-risk register: the office sees every point, an owner their own; filters, sorting and paging on the server.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, IAgencyClock clock, IAgencyCache cache) : IntegrityPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public RiskLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<IntegrityRisk> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public bool CanEdit => access.IsManager;
    public DateOnly Today { get; private set; }

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, level = Level, org = Org, show = Show, sort = Sort == column ? "-" + column : column })!;
    public string OrgName(int id) => Organizations.FirstOrDefault(o => o.Id == id)?.Name ?? "—";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Organizations = await access.DepartmentsAsync(ct);
        IQueryable<IntegrityRisk> query = db.Risks;
        var viewer = "all";
        if (!access.IsManager)
        {
            var me = await currentMember.IdAsync(ct) ?? 0;
            query = query.Where(r => r.OwnerMemberId == me);
            viewer = me.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (Level is { } l) query = query.Where(r => r.Level == l);
        if (Org is { } o) query = query.Where(r => r.OrganizationId == o);
        if (Show == "overdue") query = query.Where(r => r.NextReviewDate < Today);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(r => r.Post.Contains(q) || r.Description.Contains(q) || r.Measures.Contains(q));
        }
        query = Sort switch
        {
            "level" => query.OrderBy(r => r.Level).ThenBy(r => r.Id),
            "-level" => query.OrderByDescending(r => r.Level).ThenBy(r => r.Id),
            "review" => query.OrderBy(r => r.NextReviewDate).ThenBy(r => r.Id),
            "-review" => query.OrderByDescending(r => r.NextReviewDate).ThenBy(r => r.Id),
            "post" => query.OrderBy(r => r.Post).ThenBy(r => r.Id),
            "-post" => query.OrderByDescending(r => r.Post).ThenBy(r => r.Id),
            _ => query.OrderBy(r => r.OrganizationId).ThenBy(r => r.Level).ThenBy(r => r.Id),
        };
        // The count is kept per viewer, filter and day until the agency's data changes; a search is counted.
        var totalKey = string.IsNullOrWhiteSpace(Q) ? $"{IntegrityModule.Id}:risks-count:{viewer}:{Level}:{Org}:{Show}:{Today:yyyy-MM-dd}" : null;
        List = await PagedList<IntegrityRisk>.CreateAsync(query, PageNumber, 20, cache, totalKey, ct);
        Roster = await people.NamesAsync(List.Items.Select(r => r.OwnerMemberId), ct);
        return Page();
    }
}
