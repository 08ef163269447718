namespace Modular.Modules.Supervision.Pages.Ledgers;

/// <summary>Ledger items across ledgers: every item for the office, an owner's own otherwise; open, overdue or closed.</summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class ItemsModel(SupervisionDbContext db, SupervisionAccess access, PeopleLookup people, IAgencyClock clock) : SupervisionPage
{
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<LedgerItem> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, OrganizationInfo> OrgNames { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }
    public bool IsManager => access.IsManager;

    public string SortUrl(string column) => Url.Page("Items", new { show = Show, q = Q, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        var today = Today;
        var query = (await access.VisibleItemsAsync(db.Items.AsNoTracking(), ct));
        query = Show switch
        {
            "overdue" => query.Where(i => i.Status == ItemStatus.Open && i.Deadline < today),
            "closed" => query.Where(i => i.Status == ItemStatus.Closed),
            "all" => query,
            _ => query.Where(i => i.Status == ItemStatus.Open),
        };
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(i => i.Problem.Contains(q) || i.Measures.Contains(q)); }
        query = Sort switch
        {
            "-deadline" => query.OrderByDescending(i => i.Deadline).ThenBy(i => i.Id),
            _ => query.OrderBy(i => i.Deadline).ThenBy(i => i.Id),
        };
        List = await PagedList<LedgerItem>.CreateAsync(query, PageNumber, 20, ct);
        OrgNames = await people.OrganizationsByIdAsync(ct);
        Names = await people.NamesAsync(List.Items.Select(i => i.OwnerMemberId), ct);
        return Page();
    }
}
