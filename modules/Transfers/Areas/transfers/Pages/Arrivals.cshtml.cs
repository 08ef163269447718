using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>Arrivals from outside the portal: the office registers the letter (origin and number) and places the member.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class ArrivalsModel(IMemberTransfers transfers, IDirectory directory, TransfersAccess access, IAgencyClock clock, IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class ArrivalInput
    {
        public string? Name { get; set; }
        public Gender Gender { get; set; }
        public int? OrganizationId { get; set; }
        public MemberStage Stage { get; set; } = MemberStage.FullMember;
        public DateOnly? JoinedDate { get; set; }
        public DateOnly? FullMemberDate { get; set; }
        public string? Origin { get; set; }
        public string? LetterNumber { get; set; }
        public DateOnly? Date { get; set; }
        public string? DuesMonth { get; set; }
    }

    [BindProperty] public ArrivalInput Input { get; set; } = new();
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public IReadOnlyList<MemberTransferInfo> Arrivals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        Input.Date = clock.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        await LoadAsync(ct);
        var paid = Rules.DuesMonth.Parse(Input.DuesMonth);
        if (!string.IsNullOrWhiteSpace(Input.DuesMonth) && paid is null) ModelState.AddModelError("Input.DuesMonth", T["Enter the month as year and month."]);
        if (Input.OrganizationId is null) ModelState.AddModelError("Input.OrganizationId", T["Choose the branch the member joins."]);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", T["Enter the date."]);
        if (ModelState.IsValid)
        {
            var arrival = new TransferArrival(Input.Name ?? "", Input.OrganizationId!.Value, Input.Stage, Input.JoinedDate, Input.FullMemberDate, Input.Origin ?? "",
                Input.LetterNumber ?? "", Input.Date!.Value, Input.Gender, paid);
            var result = await transfers.RegisterArrivalAsync(TransfersModule.Id, arrival, ct);
            if (result.Succeeded) return this.RedirectWithMessage(T["The arrival was registered and the member placed."], "/Arrivals");
            ModelState.AddProblems(result.Problems, T, "Input.");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Branches = (await directory.GetOrganizationsAsync(ct)).Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch).ToList();
        Arrivals = (await transfers.ListAsync(TransferDirection.Incoming, TransferState.Accepted, ct)).Where(t => t.IsArrival).Take(50).ToList();
    }
}
