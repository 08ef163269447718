using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Partners;

/// <summary>Paired communities and assisted villages: search, filter by kind, sorting, paging.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class IndexModel(VolunteerDbContext db, VolunteerAccess access) : PageModel
{
    public sealed record PartnerRow
    {
        public int Id { get; init; }
        public PartnerKind Kind { get; init; }
        public string Name { get; init; } = "";
        public string? Address { get; init; }
        public DateOnly? PairedSince { get; init; }
        public bool Active { get; init; }
        public int Activities { get; init; }
        public int LogEntries { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PartnerKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<PartnerRow> List { get; private set; } = new([], 1, 20, 0);
    public bool CanEdit => access.IsManager;

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, kind = Kind, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IQueryable<Partner> query = db.Partners;
        if (Kind is { } k) query = query.Where(p => p.Kind == k);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || (p.Address != null && p.Address.Contains(q)));
        }
        var rows = query.Select(p => new PartnerRow
        {
            Id = p.Id, Kind = p.Kind, Name = p.Name, Address = p.Address, PairedSince = p.PairedSince, Active = p.Active,
            Activities = db.Activities.Count(a => a.PartnerId == p.Id && a.Status == ActivityStatus.Finished),
            LogEntries = db.PartnerLog.Count(l => l.PartnerId == p.Id),
        });
        rows = Sort switch
        {
            "-name" => rows.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            "since" => rows.OrderBy(p => p.PairedSince).ThenBy(p => p.Id),
            "-since" => rows.OrderByDescending(p => p.PairedSince).ThenBy(p => p.Id),
            "activities" => rows.OrderBy(p => p.Activities).ThenBy(p => p.Name),
            "-activities" => rows.OrderByDescending(p => p.Activities).ThenBy(p => p.Name),
            _ => rows.OrderByDescending(p => p.Active).ThenBy(p => p.Kind).ThenBy(p => p.Name),
        };
        List = await PagedList<PartnerRow>.CreateAsync(rows, PageNumber, 20, ct);
        return Page();
    }
}
