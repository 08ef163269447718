using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.PartyDirectory;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

/// <summary>The roster the user may see: search, filters, sorting, server-side paging; personal data masked.</summary>
public sealed class IndexModel(DirectoryService directory, IAgencyCache cache, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public MemberStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public MemberSituation? Situation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Member> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public bool CanCreate { get; private set; }
    private Dictionary<int, string> _names = [];

    public string OrgName(int id) => _names.GetValueOrDefault(id, "—");

    public string ExportUrl => Url.Page("Export", new { q = Q, org = Org, stage = Stage, situation = Situation })!;
    public string FullExportUrl => Url.Page("Export", new { q = Q, org = Org, stage = Stage, situation = Situation, full = true })!;
    public bool CanExportFull => user.IsInAgencyRole(Roles.AgencyAdmin);

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, org = Org, stage = Stage, situation = Situation, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await directory.RosterAsync(new RosterFilter(Q, Org, Stage, Situation, Sort ?? "name"), ct);
        if (query is null) return NotFound();
        var scope = await directory.GetCurrentScopeAsync(ct);
        CanCreate = scope.AgencyWide || scope.OrganizationIds.Count > 0;
        var orgs = await directory.GetOrganizationsAsync(ct);
        _names = orgs.ToDictionary(o => o.Id, o => o.Name);
        Organizations = orgs.Where(o => o.Kind != OrganizationKind.PartyGroup && scope.CanSeeOrganization(o.Id)).Select(o => (o.Id, o.Name)).ToList();
        // Only the shown columns: not the protected ID and phone, nor the rest of the record.
        var shown = query.AsNoTracking().Select(m => new Member
        {
            Id = m.Id, Name = m.Name, Gender = m.Gender, Stage = m.Stage, Situation = m.Situation, OrganizationId = m.OrganizationId,
            GroupId = m.GroupId, PhoneMasked = m.PhoneMasked, IsLeadingCadre = m.IsLeadingCadre, JoinedDate = m.JoinedDate,
        });
        // The count is kept per scope and filter until the agency's data changes; a search is counted.
        List = await PagedList<Member>.CreateAsync(shown, PageNumber, 20, cache, Q is null ? $"directory:roster-count:{scope.Key}:{Org}:{Stage}:{Situation}" : null, ct);
        return Page();
    }
}
