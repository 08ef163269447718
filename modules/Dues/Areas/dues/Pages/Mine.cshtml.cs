using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>One's own dues: the member's page, read-only; or why there is none.</summary>
[RequirePermission(DuesModule.ViewPermission)]
public sealed class MineModel(ICurrentMember member) : PageModel
{
    public MemberInfo? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = await member.GetAsync(ct);
        if (Me is { IsPartyMember: true }) return RedirectToPage("/Members/Details", new { id = Me.Id });
        return Page();
    }
}
