using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages;

/// <summary>A member's own transfers and letters: where they stand.</summary>
[RequirePermission(TransfersModule.ViewPermission)]
public sealed class MineModel(IMemberTransfers transfers, TransfersDbContext db, ICurrentMember me, IAgencyClock clock) : PageModel
{
    public IReadOnlyList<MemberTransferInfo> Transfers { get; private set; } = [];
    public IReadOnlyList<Letter> Letters { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Transfers = await transfers.MineAsync(ct);
        if (await me.IdAsync(ct) is { } id)
            Letters = await db.Letters.AsNoTracking().Where(l => l.MemberId == id).OrderByDescending(l => l.IssuedOn).ToListAsync(ct);
    }
}
