namespace Modular.Modules.Supervision.Pages.Ledgers;

/// <summary>The rectification ledgers (整改台账) with their open and overdue counts; an owner is sent to their own items.</summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class IndexModel(SupervisionDbContext db, SupervisionAccess access, IAgencyClock clock) : SupervisionPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public sealed record Row(int Id, string Title, string Source, DateOnly ReceivedOn, int Items, int Open, int Overdue);
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.IsManager) return RedirectToPage("/Ledgers/Items");
        var today = clock.Today;
        var ledgers = db.Ledgers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q)) { var q = Q.Trim(); ledgers = ledgers.Where(l => l.Title.Contains(q) || l.Source.Contains(q)); }
        var rows = ledgers.OrderByDescending(l => l.ReceivedOn).ThenByDescending(l => l.Id).Select(l => new Row(l.Id, l.Title, l.Source, l.ReceivedOn,
            db.Items.Count(i => i.LedgerId == l.Id),
            db.Items.Count(i => i.LedgerId == l.Id && i.Status == ItemStatus.Open),
            db.Items.Count(i => i.LedgerId == l.Id && i.Status == ItemStatus.Open && i.Deadline < today)));
        List = await PagedList<Row>.CreateAsync(rows, PageNumber, 20, ct);
        return Page();
    }
}
