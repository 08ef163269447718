using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Data;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform.Agencies;

public sealed class IndexModel(HostDbContext db, PartyDirectory.DirectoryStatistics statistics) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Data.Agency> List { get; private set; } = new([], 1, 20, 0);
    public Dictionary<int, PartyDirectory.DirectoryStatistics.AgencyCounts> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IQueryable<Data.Agency> query = db.Agencies;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Name.Contains(q) || a.ShortName.Contains(q) || a.Code.Contains(q));
        }
        if (Status is { } s) query = query.Where(a => a.Status == s);
        query = Sort switch
        {
            "code" => query.OrderBy(a => a.Code),
            "-code" => query.OrderByDescending(a => a.Code),
            "created" => query.OrderBy(a => a.Id),
            "-created" => query.OrderByDescending(a => a.Id),
            "-name" => query.OrderByDescending(a => a.Name),
            _ => query.OrderBy(a => a.Name),
        };
        List = await PagedList<Data.Agency>.CreateAsync(query, PageNumber, 20, ct);
        Counts = await statistics.PerAgencyAsync(List.Items.Select(a => a.Id).ToList(), ct);
    }

    public string SortUrl(string column)
    {
        var next = Sort == column ? "-" + column : column;
        return Url.Page("Index", new { q = Q, status = Status, sort = next })!;
    }
}
