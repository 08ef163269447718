using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Elections.Pages;

/// <summary>Plans an organisation's election (from the term reminder): how many to elect and the meeting's planned day.</summary>
[RequirePermission(ElectionsModule.ViewPermission)]
public sealed class PlanModel(ElectionAccess access, ElectionRecorder recorder, IDirectory directory, IAgencyClock clock, IStringLocalizer<ElectionsModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Org { get; set; }
    [BindProperty] public int? Seats { get; set; }
    [BindProperty] public DateOnly? PlannedOn { get; set; }

    public OrganizationInfo Organization { get; private set; } = null!;
    public int FullMembers { get; private set; }
    public (int Min, int Max) SeatRange { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.RunsAsync(Org, ct) || await directory.GetOrganizationAsync(Org, ct) is not { } org) return false;
        Organization = org;
        FullMembers = await directory.CountMembersAsync(MemberQuery.Voters with { OrganizationId = Org }, ct);
        SeatRange = ElectionRules.Seats(org.Kind, FullMembers);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Seats ??= SeatRange.Min;
        PlannedOn ??= Organization.TermEnd is { } end && end > clock.Today ? end.AddDays(-14) : clock.Today.AddMonths(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var result = await recorder.PlanAsync(Org, Seats, PlannedOn, ct);
        if (result.Succeeded) return this.RedirectWithMessage(T["The election is planned. Next: the request to the higher committee."], "/Details", new { id = result.Id });
        ModelState.AddProblems(result.Problems, T, firstPerField: true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
