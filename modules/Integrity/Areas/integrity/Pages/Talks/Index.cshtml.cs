namespace Modular.Modules.Integrity.Pages.Talks;

/// <summary>Integrity talks of the agency: only for discipline inspection and the Party committee's secretary; the page's rows are audited.</summary>
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, TalkLog log) : IntegrityPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TalkKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<IntegrityTalk> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, kind = Kind, year = Year, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return NotFound();
        IQueryable<IntegrityTalk> query = db.Talks;
        if (Kind is { } k) query = query.Where(t => t.Kind == k);
        if (Year is { } y and >= 2000 and <= 2100) query = query.Where(t => t.Date >= new DateOnly(y, 1, 1) && t.Date <= new DateOnly(y, 12, 31));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Names live in the directory: match them there, filter here by id.
            var q = Q.Trim();
            var ids = (await people.CurrentMembersAsync(ct)).Values.Where(m => m.Name.Contains(q, StringComparison.Ordinal)).Select(m => m.Id).ToList();
            query = query.Where(t => ids.Contains(t.TalkerMemberId) || ids.Contains(t.TalkeeMemberId) || t.Summary.Contains(q));
        }
        query = Sort switch
        {
            "date" => query.OrderBy(t => t.Date).ThenBy(t => t.Id),
            "kind" => query.OrderBy(t => t.Kind).ThenByDescending(t => t.Date),
            "-kind" => query.OrderByDescending(t => t.Kind).ThenByDescending(t => t.Date),
            _ => query.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id),
        };
        List = await PagedList<IntegrityTalk>.CreateAsync(query, PageNumber, 20, ct);
        Roster = await people.NamesAsync(List.Items.SelectMany(t => new[] { t.TalkerMemberId, t.TalkeeMemberId }), ct);
        await log.AuditListAsync(List.Items.Select(t => t.Id), ct);
        return Page();
    }
}
