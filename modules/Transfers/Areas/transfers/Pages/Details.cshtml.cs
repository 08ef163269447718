using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>
/// One transfer as this agency sees it. The receiving side accepts it (placing the member) or returns it with a reason;
/// the sending office may withdraw it while it is open. Another agency's transfer, or one the user may not see, is 404.
/// </summary>
[RequirePermission(TransfersModule.ViewPermission)]
public sealed class DetailsModel(IMemberTransfers transfers, IDirectory directory, ICurrentAgency agency, TransfersAccess access, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class DecisionInput
    {
        public int? OrganizationId { get; set; }
        public DateOnly? Date { get; set; }
        public string? Reason { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public DecisionInput Input { get; set; } = new();
    public MemberTransferInfo Transfer { get; private set; } = new();
    public bool MayDecide { get; private set; }
    public bool MayWithdraw { get; private set; }
    public bool IsIncoming => Transfer.ToAgencyId == agency.Id;
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public DateOnly Today => clock.Today;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await transfers.GetAsync(id, ct) is not { } transfer) return false;
        Transfer = transfer;
        MayDecide = await transfers.MayDecideAsync(transfer, ct);
        MayWithdraw = transfer.State == TransferState.Open && transfer.FromAgencyId == agency.Id && await access.IsOfficeAsync(ct);
        if (MayDecide)
        {
            var scope = await directory.GetCurrentScopeAsync(ct);
            Branches = (await directory.GetOrganizationsAsync(ct))
                .Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch && scope.CanSeeOrganization(o.Id))
                .Where(o => !(transfer.IsWithinAgency && o.Id == transfer.FromOrganizationId)).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new DecisionInput { OrganizationId = Transfer.ToOrganizationId, Date = Today, Version = Transfer.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Input.OrganizationId is null) ModelState.AddModelError("Input.OrganizationId", T["Choose the branch the member joins."]);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", T["Enter the date."]);
        if (ModelState.IsValid)
        {
            var result = await transfers.AcceptAsync(TransfersModule.Id, id, Input.OrganizationId!.Value, Input.Date!.Value, Input.Version, ct);
            if (result.Succeeded) return this.RedirectWithMessage(T["Accepted: the member now belongs to the organisation chosen."], "/Details", new { id });
            ModelState.AddProblems(result.Problems, T, "Input.");
        }
        return Refused();
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await transfers.ReturnAsync(TransfersModule.Id, id, Input.Reason ?? "", Input.Version, ct);
        if (result.Succeeded) return this.RedirectWithMessage(T["Returned to the sender with the reason."], "/Details", new { id });
        ModelState.AddProblems(result.Problems, T, "Input.");
        return Refused();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await transfers.CancelAsync(TransfersModule.Id, id, Input.Reason ?? "", Input.Version, ct);
        if (result.Succeeded) return this.RedirectWithMessage(T["The transfer was withdrawn."], "/Details", new { id });
        ModelState.AddProblems(result.Problems, T, "Input.");
        return Refused();
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
