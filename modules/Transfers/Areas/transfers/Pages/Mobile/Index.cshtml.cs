using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Mobile;

/// <summary>The mobile members' registry: those away now (out of contact first), or everyone who was, paged.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class IndexModel(TransfersDbContext db, PeopleLookup people) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public bool Lost { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<MobileMember> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.MobileMembers.AsNoTracking();
        if (!All) query = query.Where(m => m.EndedOn == null);
        if (Lost) query = query.Where(m => m.LostContactSince != null);
        List = await PagedList<MobileMember>.CreateAsync(query.OrderBy(m => m.LostContactSince == null).ThenByDescending(m => m.Since).ThenBy(m => m.Id), PageNumber, 20, ct);
        Names = await people.NamesAsync(List.Items.Select(m => m.MemberId), ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
    }
}
