using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>
/// The office starts a transfer within the portal: to another branch of the agency, or to another agency (whose office
/// places the member). The validity comes from the agency's setting; the dues month from the dues module when it answers.
/// </summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class StartModel(IMemberTransfers transfers, IDirectory directory, TransfersAccess access, DuesLookup dues, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T) : PageModel
{
    public const string WithinAgency = "branch";
    public const string ToAgency = "agency";

    public sealed class StartInput
    {
        public int? MemberId { get; set; }
        /// <summary><see cref="WithinAgency"/> or <see cref="ToAgency"/>.</summary>
        public string? Destination { get; set; }
        public int? ToOrganizationId { get; set; }
        public int? ToAgencyId { get; set; }
        public DateOnly? Date { get; set; }
        /// <summary>yyyy-MM, when the dues module does not answer.</summary>
        public string? DuesMonth { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public StartInput Input { get; set; } = new();
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public IReadOnlyList<PortalAgency> Agencies { get; private set; } = [];
    public bool DuesFromModule => dues.Available;
    public int ValidityMonths => access.ValidityMonths;

    public async Task<IActionResult> OnGetAsync(int? member, CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        Input.Date = clock.Today;
        Input.MemberId = member;
        Input.Destination = WithinAgency;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.IsOfficeAsync(ct)) return NotFound();
        await LoadAsync(ct);
        if (Input.MemberId is null) ModelState.AddModelError("Input.MemberId", T["Choose the member."]);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", T["Enter the date."]);
        var within = Input.Destination != ToAgency;
        if (within && Input.ToOrganizationId is null) ModelState.AddModelError("Input.ToOrganizationId", T["Choose the receiving branch."]);
        if (!within && Input.ToAgencyId is null) ModelState.AddModelError("Input.ToAgencyId", T["Choose the receiving agency."]);
        var paid = DuesFromModule && Input.MemberId is { } id ? await dues.PaidThroughAsync(id, ct) : Rules.DuesMonth.Parse(Input.DuesMonth);
        if (!DuesFromModule && !string.IsNullOrWhiteSpace(Input.DuesMonth) && paid is null) ModelState.AddModelError("Input.DuesMonth", T["Enter the month as year and month."]);
        if (ModelState.IsValid)
        {
            var start = new TransferStart(Input.MemberId!.Value, within ? null : Input.ToAgencyId, within ? Input.ToOrganizationId : null, Input.Date!.Value,
                access.ValidUntil(Input.Date.Value), paid, Note: Input.Note);
            var result = await transfers.StartAsync(TransfersModule.Id, start, ct);
            if (result.TransferId is { } transferId) return this.RedirectWithMessage(T["The transfer was sent. It takes effect when the receiving side accepts it."], "/Details", new { id = transferId });
            ModelState.AddProblems(result.Problems.Select(p => p.Field is "ValidUntil" or "" ? p with { Field = "" } : p), T, "Input.");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await directory.FindMembersAsync(new MemberQuery(Situations: MemberSituations.OnRoster), ct);
        Branches = (await directory.GetOrganizationsAsync(ct)).Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch).ToList();
        Agencies = await transfers.OtherAgenciesAsync(ct);
    }
}
