using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Compliance;

/// <summary>
/// Branches × types (or, for one type, branches × its periods): held, due, overdue, computed from the
/// meeting records alone; the agency's roll-up and a chart of the year.
/// </summary>
public sealed class IndexModel(OrgLifeAccess access, ICurrentMember member, Roster roster, ComplianceService compliance, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true), Modular.Sdk.Year] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public MeetingType? Type { get; set; }
    public ComplianceReport Report { get; private set; } = null!;
    /// <summary>The secretaries' lecture of the agency committee and general branches the user sees.</summary>
    public IReadOnlyList<OrganizationLectures> UpperLectures { get; private set; } = [];
    public bool AgencyWide { get; private set; }
    /// <summary>The user keeps the records of the branches shown (and may export them).</summary>
    public bool Keeps { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Year ??= today.Year;
        if (Year is < 2000 or > 2100 || Type is { } t && !Enum.IsDefined(t)) return BadRequest();
        var branches = await access.ComplianceBranchesAsync(roster, ct);
        if (branches.Count == 0) return NotFound();
        AgencyWide = (await member.GetScopeAsync(ct)).AgencyWide;
        Keeps = await access.RecordsAnyAsync(ct);
        Report = await compliance.BuildAsync(Year.Value, branches, today, ct);
        UpperLectures = await compliance.LecturesAsync(Year.Value, await access.LectureOrganizationsAboveBranchesAsync(roster, ct), today, ct);
        if (Type is { } type && !Report.Types.Contains(type)) Type = null;
        return Page();
    }
}
