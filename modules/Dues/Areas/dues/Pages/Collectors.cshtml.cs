using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>The office names each branch's collectors (收缴员) among the branch's Party members, or removes them.</summary>
[RequirePermission(DuesModule.ManagePermission)]
public sealed class CollectorsModel(DuesDbContext db, DuesAccess access, PeopleLookup people, IStringLocalizer<DuesModule> T) : PageModel
{
    public sealed record Line(OrganizationInfo Branch, IReadOnlyList<(DuesCollector Collector, string Name)> Collectors, IReadOnlyList<MemberInfo> Candidates);

    [BindProperty] public int? BranchId { get; set; }
    [BindProperty] public int? MemberId { get; set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        var line = Lines.FirstOrDefault(l => l.Branch.Id == BranchId);
        if (line is null) ModelState.AddModelError(nameof(BranchId), T["Choose a branch."]);
        else if (MemberId is not { } m || line.Candidates.All(c => c.Id != m)) ModelState.AddModelError(nameof(MemberId), T["Choose a Party member of the branch."]);
        else if (line.Collectors.Any(c => c.Collector.MemberId == m)) ModelState.AddModelError(nameof(MemberId), T["Already a collector of the branch."]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.Collectors.Add(new DuesCollector { OrganizationId = BranchId!.Value, MemberId = MemberId!.Value });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["The collector was named."]);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await db.Collectors.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound();
        db.Collectors.Remove(row);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["The collector was removed."]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var collectors = await db.Collectors.AsNoTracking().ToListAsync(ct);
        var names = await people.NamesAsync(collectors.Select(c => c.MemberId), ct);
        var payers = await access.AllPayersAsync(ct);
        Lines = (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).Select(b => new Line(b,
            collectors.Where(c => c.OrganizationId == b.Id).Select(c => (c, names.TryGetValue(c.MemberId, out var n) ? n.Name : "—")).ToList(),
            payers.Where(p => p.Branch == b.Id).Select(p => p.Member).OrderBy(m => m.Name, StringComparer.Ordinal).ToList())).ToList();
    }
}
