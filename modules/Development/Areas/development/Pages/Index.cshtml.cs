using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages;

/// <summary>The pipeline of the cases the user works on: people per stage, the steps due and overdue, filters, server-side paging.</summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class IndexModel(DevelopmentAccess access, PeopleLookup people, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public Stage? Stage { get; set; }
    /// <summary>Only cases with a step overdue.</summary>
    [BindProperty(SupportsGet = true)] public bool Due { get; set; }
    /// <summary>Also the completed and cancelled cases.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<DevelopmentCase> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<Stage, int> PerStage { get; private set; } = new Dictionary<Stage, int>();
    public int Overdue { get; private set; }
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A member who works on no case sees their own way and the cases they are named for.
        if (!await access.WorksOnCasesAsync(ct)) return RedirectToPage("/Mine");
        var today = clock.Today;
        var work = await access.WorkBranchesAsync(ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
        Branches = (await people.OrganizationsAsync(ct)).Where(o => work.Contains(o.Id) && o.Kind != OrganizationKind.PartyGroup).ToList();
        var cases = await access.ManagedAsync(ct);
        if (Org is { } org) cases = cases.Where(c => c.OrganizationId == org);
        var open = cases.Where(c => c.Status == CaseStatus.Open);
        PerStage = await open.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Overdue = await open.CountAsync(c => c.DueDate != null && c.DueDate < today, ct);

        var query = All ? cases : open;
        if (Stage is { } stage) query = query.Where(c => c.Stage == stage);
        if (Due) query = query.Where(c => c.DueDate != null && c.DueDate < today && c.Status == CaseStatus.Open);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var ids = (await people.AllMembersAsync(ct)).Values.Where(m => m.Name.Contains(q, StringComparison.Ordinal)).Select(m => m.Id).ToList();
            query = query.Where(c => ids.Contains(c.MemberId));
        }
        // Deadlines first (the earliest due on top), then the rest by their last step.
        List = await PagedList<DevelopmentCase>.CreateAsync(query.OrderBy(c => c.DueDate == null).ThenBy(c => c.DueDate).ThenByDescending(c => c.LastStepDate).ThenBy(c => c.Id), PageNumber, 20, ct);
        Names = await people.NamesAsync(List.Items.Select(c => c.MemberId), ct);
        return Page();
    }
}
