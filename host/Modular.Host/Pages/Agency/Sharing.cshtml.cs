using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Oversight;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Agency;

/// <summary>Which modules' figures the agency shares with the organ work committee (default: every module that is on).</summary>
public sealed class SharingModel(IndicatorSharing sharing, ICurrentAgency agency, IText text) : PageModel
{
    public IReadOnlyList<IndicatorSharing.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (agency.Id is not { } id) return NotFound();
        Rows = await sharing.RowsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<string>? shared, CancellationToken ct)
    {
        if (agency.Id is not { } id) return NotFound();
        await sharing.SaveAsync(id, shared ?? [], ct);
        return this.RedirectWithMessage(text["Saved."]);
    }
}
