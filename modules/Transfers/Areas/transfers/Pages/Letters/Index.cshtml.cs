using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Letters;

/// <summary>The agency's introduction letters, newest first, by status, paged.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class IndexModel(TransfersDbContext db, PeopleLookup people, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public LetterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Letter> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Letters.AsNoTracking();
        if (Status is { } s) query = query.Where(l => l.Status == s);
        List = await PagedList<Letter>.CreateAsync(query.OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.Id), PageNumber, 20, ct);
        Names = await people.NamesAsync(List.Items.Select(l => l.MemberId), ct);
    }
}
