using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Honours;

/// <summary>The titles the agency won, newest first, with filters and paging on the server.</summary>
[RequirePermission(CivilizationModule.ViewPermission)]
public sealed class IndexModel(CivilizationDbContext db, CivilizationAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public HonourLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Honour> List { get; private set; } = new([], 1, 20, 0);
    public bool IsManager => access.IsManager;

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, level = Level, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.Honours.AsNoTracking();
        if (Level is { } l) query = query.Where(h => h.Level == l);
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); query = query.Where(h => h.Title.Contains(q) || h.IssuingBody.Contains(q)); }
        query = Sort switch
        {
            "year" => query.OrderBy(h => h.Year).ThenBy(h => h.Id),
            "level" => query.OrderBy(h => h.Level).ThenByDescending(h => h.Year),
            _ => query.OrderByDescending(h => h.Year).ThenBy(h => h.Level).ThenBy(h => h.Id),
        };
        List = await PagedList<Honour>.CreateAsync(query, PageNumber, 20, ct);
        return Page();
    }
}
