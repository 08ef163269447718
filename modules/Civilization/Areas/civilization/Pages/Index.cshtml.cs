using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages;

public sealed record CampaignRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public TitleLevel TitleLevel { get; init; }
    public string? TitleName { get; init; }
    public int Year { get; init; }
    public CampaignStatus Status { get; init; }
    public decimal Possible { get; init; }
    public decimal Met { get; init; }
}

/// <summary>The campaigns: search, filters, sorting and paging on the server.</summary>
[RequirePermission(CivilizationModule.ViewPermission)]
public sealed class IndexModel(CivilizationDbContext db, CivilizationAccess access, IAgencyCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CampaignStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<CampaignRow> List { get; private set; } = new([], 1, 20, 0);
    public bool IsManager => access.IsManager;

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, status = Status, year = Year, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.Campaigns.AsNoTracking();
        if (Status is { } s) query = query.Where(c => c.Status == s);
        if (Year is { } y) query = query.Where(c => c.Year == y);
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(c => c.Name.Contains(q)); }
        var rows = query.Select(c => new CampaignRow
        {
            Id = c.Id, Name = c.Name, TitleLevel = c.TitleLevel, TitleName = c.TitleName, Year = c.Year, Status = c.Status,
            Possible = db.Items.Where(i => i.CampaignId == c.Id).Sum(i => (decimal?)i.Points) ?? 0,
            Met = db.Items.Where(i => i.CampaignId == c.Id && i.Status == ItemStatus.Met).Sum(i => (decimal?)i.Points) ?? 0,
        });
        rows = Sort switch
        {
            "name" => rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
            "-name" => rows.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            "year" => rows.OrderBy(c => c.Year).ThenBy(c => c.Id),
            _ => rows.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id),
        };
        // Everyone who may view sees every campaign: the count is kept per filter until the agency's data changes; a search is counted.
        var totalKey = string.IsNullOrWhiteSpace(Q) ? $"{CivilizationModule.Id}:campaigns-count:{Status}:{Year}" : null;
        List = await PagedList<CampaignRow>.CreateAsync(rows, PageNumber, 20, cache, totalKey, ct);
        return Page();
    }
}
