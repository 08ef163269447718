using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Campaigns;

/// <summary>A campaign: points met of points possible, a chart per category, and its items filtered and paged on the server.</summary>
[RequirePermission(CivilizationModule.ViewPermission)]
public sealed class DetailsModel(CivilizationDbContext db, CivilizationAccess access, ICurrentMember currentMember, Framework framework, PeopleLookup people,
    IAgencyClock clock, IAgencyCache cache, IStringLocalizer<CivilizationModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public ItemStatus? Status { get; set; }
    /// <summary>overdue, waiting, mine, or all (default).</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    /// <summary>An owner's items (a member id of the directory).</summary>
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Campaign Campaign { get; private set; } = null!;
    public Framework.View View { get; private set; } = null!;
    public PagedList<CriteriaItem> Items { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyDictionary<int, MemberInfo> Members { get; private set; } = new Dictionary<int, MemberInfo>();
    public string LeaderName { get; private set; } = "";
    public bool IsManager => access.IsManager;
    public DateOnly Today => clock.Today;
    public string Chart { get; private set; } = "";

    /// <summary>The owners of this campaign's items, by name, for the filter.</summary>
    public IReadOnlyList<MemberInfo> Owners { get; private set; } = [];

    /// <summary>The column's link: ascending first, then the other way; the framework's order is "no".</summary>
    public string SortUrl(string column, bool descendingFirst = false)
    {
        var current = Sort ?? "no";
        var next = current == column ? "-" + column : current == "-" + column ? column : descendingFirst ? "-" + column : column;
        return Url.Page("Details", null, new { id = Id, category = Category, status = Status, owner = Owner, show = Show, q = Q, sort = next == "no" ? null : next }, null, null, "items")!;
    }

    /// <summary>For the column header: ascending, descending or none.</summary>
    public string AriaSort(string column) => (Sort ?? "no") == column ? "ascending" : Sort == "-" + column ? "descending" : "none";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = Today;
        // The campaign, its scores and its owners change only with the agency's data (and the day, for overdue items).
        var loaded = await cache.GetOrCreateAsync($"{CivilizationModule.Id}:campaign:{Id}", CachePeriod.Day(today), async c =>
            await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, c) is { } found
                ? new Loaded(found, await framework.LoadAsync(Id, c),
                    await db.Items.AsNoTracking().Where(i => i.CampaignId == Id && i.OwnerMemberId != null).Select(i => i.OwnerMemberId!.Value).Distinct().ToListAsync(c))
                : null, ct);
        if (loaded is null) return NotFound();
        var (campaign, view, ownerIds) = loaded;
        Campaign = campaign;
        View = view;
        Chart = BarChart.HorizontalSvg(View.Categories.Select(c =>
        {
            var s = View.Score.Categories[c.Id];
            var tone = s.Possible == 0 ? BarTone.Default : s.Percent >= 80 ? BarTone.Good : s.Percent >= 50 ? BarTone.Warning : BarTone.Bad;
            return new BarChart.Bar(c.Name, s.Possible == 0 ? null : s.Percent, T["{0}: {1} of {2} points met", c.Name, s.Met.ToString("0.#"), s.Possible.ToString("0.#")], tone);
        }).ToList(), T["Points met by category (%)"], suffix: "%", max: 100);

        var me = await currentMember.IdAsync(ct);
        var query = db.Items.AsNoTracking().Where(i => i.CampaignId == Id);
        if (Category is { } cat) query = query.Where(i => i.CategoryId == cat);
        if (Status is { } st) query = query.Where(i => i.Status == st);
        if (Owner is { } owner) query = query.Where(i => i.OwnerMemberId == owner);
        query = Show switch
        {
            "overdue" => query.Where(i => i.DueDate != null && i.DueDate < today && i.Status != ItemStatus.Met),
            "waiting" => query.Where(i => i.AwaitingReview),
            "mine" => query.Where(i => i.OwnerMemberId == me),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(i => i.Text.Contains(q) || i.Code == q); }
        query = Sort switch
        {
            "due" => query.OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.Order),
            "-due" => query.OrderByDescending(i => i.DueDate).ThenBy(i => i.Order),
            "points" => query.OrderBy(i => i.Points).ThenBy(i => i.Order),
            "-points" => query.OrderByDescending(i => i.Points).ThenBy(i => i.Order),
            "-no" => from i in query join c in db.Categories on i.CategoryId equals c.Id orderby c.Order descending, c.Id descending, i.Order descending, i.Id descending select i,
            // By default in the framework's order: the office's order of categories, then each item's own.
            _ => from i in query join c in db.Categories on i.CategoryId equals c.Id orderby c.Order, c.Id, i.Order, i.Id select i,
        };
        var unfiltered = Category is null && Status is null && Owner is null && (Show is null or "" or "all") && string.IsNullOrWhiteSpace(Q);
        Items = await PagedList<CriteriaItem>.CreateAsync(query, PageNumber, 50, unfiltered ? view.ItemCount : null, ct);
        // One lookup names the page's owners, the owner filter's choices and the leader.
        Members = await people.NamesAsync(Items.Items.Select(i => i.OwnerMemberId).Concat(ownerIds.Select(o => (int?)o)).Append(campaign.LeaderMemberId), ct);
        Owners = ownerIds.Where(Members.ContainsKey).Select(o => Members[o]).OrderBy(m => m.Name).ThenBy(m => m.Id).ToList();
        LeaderName = await people.NameAsync(campaign.LeaderMemberId, ct, missing: "");
        return Page();
    }

    private sealed record Loaded(Campaign Campaign, Framework.View View, IReadOnlyList<int> OwnerIds);

    public string CategoryName(int id) => View.Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}
