using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>口袋党员: members whose letter is past its validity without a return slip, until the letter is resolved.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class PocketModel(LetterService letters, PeopleLookup people, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Letter> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await PagedList<Letter>.CreateAsync(letters.Pocket().AsNoTracking().OrderBy(l => l.ValidUntil).ThenBy(l => l.Id), PageNumber, 20, ct);
        Names = await people.NamesAsync(List.Items.Select(l => l.MemberId), ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
    }
}
