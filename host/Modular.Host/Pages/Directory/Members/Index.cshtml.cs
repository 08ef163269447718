using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.PartyDirectory;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

/// <summary>The roster the user may see: search, filters, sorting, server-side paging; personal data masked.</summary>
public sealed class IndexModel(DirectoryDbContext db, DirectoryService directory, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Org { get; set; }
    [BindProperty(SupportsGet = true)] public MemberStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Member> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public bool CanCreate { get; private set; }
    private Dictionary<int, string> _names = [];

    public string OrgName(int id) => _names.GetValueOrDefault(id, "—");

    public string ExportUrl => Url.Page("Export", new { q = Q, org = Org, status = Status })!;
    public string FullExportUrl => Url.Page("Export", new { q = Q, org = Org, status = Status, full = true })!;
    public bool CanExportFull => user.IsInAgencyRole(Roles.AgencyAdmin);

    public string SortUrl(string column) => Url.Page("Index", new { q = Q, org = Org, status = Status, sort = Sort == column ? "-" + column : column })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await MemberQuery.ForAsync(db, directory, Q, Org, Status, ct);
        if (query is null) return NotFound();
        var scope = await directory.GetCurrentScopeAsync(ct);
        CanCreate = scope.AgencyWide || scope.OrganizationIds.Count > 0;
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        _names = orgs.ToDictionary(o => o.Id, o => o.Name);
        Organizations = orgs.Where(o => o.Kind != OrganizationKind.PartyGroup && scope.CanSeeOrganization(o.Id)).Select(o => (o.Id, o.Name)).ToList();
        query = Sort switch
        {
            "-name" => query.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
            "status" => query.OrderBy(m => m.Status).ThenBy(m => m.Name),
            "-status" => query.OrderByDescending(m => m.Status).ThenBy(m => m.Name),
            "joined" => query.OrderBy(m => m.JoinedDate).ThenBy(m => m.Id),
            "-joined" => query.OrderByDescending(m => m.JoinedDate).ThenBy(m => m.Id),
            _ => query.OrderBy(m => m.Name).ThenBy(m => m.Id),
        };
        List = await PagedList<Member>.CreateAsync(query.AsNoTracking(), PageNumber, 20, ct);
        return Page();
    }
}

/// <summary>The members a user may see, filtered as asked: shared by the list and the export.</summary>
public static class MemberQuery
{
    /// <returns>Null when the user may see no member at all.</returns>
    public static async Task<IQueryable<Member>?> ForAsync(DirectoryDbContext db, DirectoryService directory, string? q, int? org, MemberStatus? status, CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return null;
        IQueryable<Member> query = db.Members;
        if (!scope.AgencyWide)
        {
            var visible = scope.OrganizationIds.ToList();
            query = query.Where(m => visible.Contains(m.OrganizationId));
        }
        if (org is { } o)
        {
            var subtree = await directory.SubtreeIdsAsync(o, ct);
            query = query.Where(m => subtree.Contains(m.OrganizationId) || (m.GroupId != null && subtree.Contains(m.GroupId.Value)));
        }
        if (status is { } s) query = query.Where(m => m.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var name = q.Trim();
            query = query.Where(m => m.Name.Contains(name));
        }
        return query;
    }
}
