using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Elections.Pages;

/// <summary>The organisations one runs (or belongs to) with their term, its state and the election under way; filters and paging.</summary>
[RequirePermission(ElectionsModule.ViewPermission)]
public sealed class IndexModel(TermOverview overview, ElectionAccess access, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TermState? Term { get; set; }
    /// <summary>Only organisations with an election under way.</summary>
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<TermOverview.Row> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlySet<int> Runs { get; private set; } = new HashSet<int>();
    public IReadOnlyDictionary<TermState, int> PerTerm { get; private set; } = new Dictionary<TermState, int>();
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await access.WorkAsync(ct);
        var rows = await overview.RowsAsync(visible: true, ct);
        PerTerm = rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Count());
        IEnumerable<TermOverview.Row> shown = rows;
        if (Term is { } term) shown = shown.Where(r => r.Term == term);
        if (Open) shown = shown.Where(r => r.Open is not null);
        if (!string.IsNullOrWhiteSpace(Q)) shown = shown.Where(r => r.Organization.Name.Contains(Q.Trim(), StringComparison.Ordinal));
        // Those most urgent first: overdue, then ending soon, by the day the term ends.
        var ordered = shown.OrderByDescending(r => r.Term).ThenBy(r => r.Organization.TermEnd ?? DateOnly.MaxValue).ToList();
        var page = Math.Max(1, PageNumber);
        List = new PagedList<TermOverview.Row>(ordered.Skip((page - 1) * 20).Take(20).ToList(), page, 20, ordered.Count);
    }
}
