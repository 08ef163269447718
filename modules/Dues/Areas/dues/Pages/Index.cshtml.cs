using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>The members whose dues the user collects (the office: the whole agency): amount, paid through, arrears; filters and paging.</summary>
[RequirePermission(DuesModule.CollectPermission)]
public sealed class IndexModel(DuesAccess access, DuesLedger ledger, PeopleLookup people, IAgencyClock clock) : PageModel
{
    public const int PageSize = 20;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    /// <summary>Only members behind (1), warned (2) or flagged (3).</summary>
    [BindProperty(SupportsGet = true)] public ArrearsLevel? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<MemberDues> List { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public IReadOnlyDictionary<ArrearsLevel, int> PerLevel { get; private set; } = new Dictionary<ArrearsLevel, int>();
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public DateOnly Today => clock.Today;
    public bool IsOffice => access.IsOffice;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CollectsAsync(ct)) return RedirectToPage("/Mine");
        var branches = await access.CollectBranchesAsync(ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
        Branches = (await people.OrganizationsAsync(ct)).Where(o => branches.Contains(o.Id) && o.Kind == OrganizationKind.Branch).ToList();
        var payers = (await access.PayersAsync(ct)).Where(p => Org is not { } org || p.Branch == org).ToList();
        var all = (await ledger.ForAsync(payers, ct)).Values.ToList();
        PerLevel = all.GroupBy(d => d.Arrears.Level).ToDictionary(g => g.Key, g => g.Count());
        IEnumerable<MemberDues> shown = all;
        if (Level is { } level) shown = shown.Where(d => level == ArrearsLevel.None ? d.Arrears.Level == level : d.Arrears.Level >= level);
        if (!string.IsNullOrWhiteSpace(Q)) shown = shown.Where(d => d.Member.Name.Contains(Q.Trim(), StringComparison.Ordinal));
        // The most behind first, then by branch and name.
        var ordered = shown.OrderByDescending(d => d.Arrears.Level).ThenByDescending(d => d.Arrears.UnpaidCount)
            .ThenBy(d => d.Branch).ThenBy(d => d.Member.Name, StringComparer.Ordinal).ThenBy(d => d.Member.Id).ToList();
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (ordered.Count + PageSize - 1) / PageSize));
        List = new PagedList<MemberDues>(ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, ordered.Count);
        return Page();
    }
}
