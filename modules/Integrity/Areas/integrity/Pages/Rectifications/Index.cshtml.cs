namespace Modular.Modules.Integrity.Pages.Rectifications;

/// <summary>Rectification items: every item for the office, a member's own otherwise; open, overdue or closed.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, IAgencyClock clock) : IntegrityPage
{
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Rectification> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }
    public bool IsManager => access.IsManager;

    public string SortUrl(string column) => Url.Page("Index", new { show = Show, q = Q, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        IQueryable<Rectification> query = db.Rectifications;
        if (!access.IsManager)
        {
            var me = await currentMember.IdAsync(ct) ?? 0;
            query = query.Where(r => r.OwnerMemberId == me);
        }
        var today = Today;
        query = Show switch
        {
            "overdue" => query.Where(r => r.Status == RectificationStatus.Open && r.Deadline < today),
            "closed" => query.Where(r => r.Status == RectificationStatus.Closed),
            "all" => query,
            _ => query.Where(r => r.Status == RectificationStatus.Open),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(r => r.Finding.Contains(q));
        }
        query = Sort switch
        {
            "-deadline" => query.OrderByDescending(r => r.Deadline).ThenBy(r => r.Id),
            "owner" => query.OrderBy(r => r.OwnerMemberId).ThenBy(r => r.Deadline),
            _ => query.OrderBy(r => r.Deadline).ThenBy(r => r.Id),
        };
        List = await PagedList<Rectification>.CreateAsync(query, PageNumber, 20, ct);
        Roster = await people.NamesAsync(List.Items.Select(r => r.OwnerMemberId), ct);
        return Page();
    }
}
