using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Letters;

/// <summary>Issues an introduction letter for a membership going out of the portal; the member leaves the roster as transferred out.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class IssueModel(LetterService letters, IDirectory directory, TransfersAccess access, DuesLookup dues, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class IssueInput
    {
        public int? MemberId { get; set; }
        public string? Destination { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public int? ValidityMonths { get; set; }
        public string? DuesMonth { get; set; }
    }

    [BindProperty] public IssueInput Input { get; set; } = new();
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];
    public bool DuesFromModule => dues.Available;

    public async Task<IActionResult> OnGetAsync(int? member, CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        Input = new IssueInput { MemberId = member, IssuedOn = clock.Today, ValidityMonths = access.ValidityMonths };
        Members = await directory.FindMembersAsync(new MemberQuery(Situations: MemberSituations.OnRoster), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        Members = await directory.FindMembersAsync(new MemberQuery(Situations: MemberSituations.OnRoster), ct);
        var paid = DuesFromModule && Input.MemberId is { } id ? await dues.PaidThroughAsync(id, ct) : null;
        var result = await letters.IssueAsync(Input.MemberId, Input.Destination, Input.IssuedOn, Input.ValidityMonths, paid, DuesFromModule ? null : Input.DuesMonth, ct);
        if (result.LetterId is { } letterId) return this.RedirectWithMessage(T["The letter was issued; the member is now transferred out."], "/Letters/Details", new { id = letterId });
        ModelState.AddProblems(result.Problems, T, "Input.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
