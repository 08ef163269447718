using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Organizations;

/// <summary>The organisation tree of the agency (or of the part in the user's care), with computed reminders.</summary>
public sealed class IndexModel(DirectoryWarnings warnings, IDirectory directory, DirectorySettings settings, ICurrentUser user) : PageModel
{
    public sealed record Row(OrganizationFacts Facts, int Depth, IReadOnlyList<OrganizationWarning> Warnings);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int WarningCount => Rows.Sum(r => r.Warnings.Count(w => w.Level != WarningLevel.Info));
    public bool CanCreate => user.IsInAgencyRole(Roles.AgencyAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return NotFound();
        var today = warnings.Today;
        Rows = (await warnings.FactsAsync(ct))
            .Where(f => scope.CanSeeOrganization(f.Organization.Id))
            .Select(f => new Row(f, f.Organization.Path.Count(c => c == '/') - 2, OrganizationWarnings.For(f, today, settings).ToList()))
            .ToList();
        return Page();
    }
}
