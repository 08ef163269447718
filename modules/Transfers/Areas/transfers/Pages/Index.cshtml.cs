using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>The transfers within the portal the user works on: received (to decide) and sent, by state, paged.</summary>
[RequirePermission(TransfersModule.ViewPermission)]
public sealed class IndexModel(IMemberTransfers transfers, TransfersAccess access, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public TransferDirection Direction { get; set; } = TransferDirection.Incoming;
    /// <summary>Open only unless "all" is asked for.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<MemberTransferInfo> List { get; private set; } = new([], 1, 20, 0);
    public int OpenIncoming { get; private set; }
    public int OpenOutgoing { get; private set; }
    public bool IsOffice { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.WorksOnTransfersAsync(ct)) return RedirectToPage("/Mine");
        IsOffice = await access.IsOfficeAsync(ct);
        OpenIncoming = (await transfers.ListAsync(TransferDirection.Incoming, TransferState.Open, ct)).Count;
        OpenOutgoing = (await transfers.ListAsync(TransferDirection.Outgoing, TransferState.Open, ct)).Count;
        var rows = await transfers.ListAsync(Direction, All ? null : TransferState.Open, ct);
        var size = 20;
        var pages = Math.Max(1, (rows.Count + size - 1) / size);
        var page = Math.Clamp(PageNumber, 1, pages);
        List = new PagedList<MemberTransferInfo>(rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count);
        return Page();
    }
}
