using Contoso.Sample.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Sdk;

namespace Contoso.Sample.Pages;

/// <summary>The agency's records, paged on the server, and a form to add one. Without the permissions the page answers 404.</summary>
[RequirePermission(SampleModule.ViewPermission)]
public sealed class IndexModel(SampleDbContext db, IPermissionChecker permissions, IModuleSettings settings, IStringLocalizer<SampleModule> text) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<SampleRecord> List { get; private set; } = new([], 1, 20, 0);
    public bool CanEdit => permissions.IsGranted(SampleModule.EditPermission);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(SampleModule.EditPermission)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddProblems(SampleRules.Check(Title), text);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        db.Records.Add(new SampleRecord { Title = Title!.Trim() });
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadAsync(ct);
            return Page();
        }
        return this.RedirectWithMessage(text["The record was added."]);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        List = await PagedList<SampleRecord>.CreateAsync(db.Records.AsNoTracking().OrderByDescending(r => r.Id), PageNumber,
            settings.GetInt(SampleModule.Id, SampleModule.PageSizeSetting), ct);
}
