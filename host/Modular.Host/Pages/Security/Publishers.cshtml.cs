using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Host.Pages.Security;

/// <summary>The publishers whose signed plugin packages the platform installs: kept by the security administrator.</summary>
public sealed class PublishersModel(PublisherAllowList publishers, PluginPackageOptions options, IText text) : PageModel
{
    public IReadOnlyList<PublisherAllowList.Row> Rows { get; private set; } = [];
    public bool RequireSignature => options.RequireSignature;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? PublicKey { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await publishers.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = await publishers.AddAsync(Name, PublicKey, ct);
        if (errors.Count == 0)
        {
            return this.RedirectWithMessage(text["The publisher was added."]);
        }
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Rows = await publishers.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!await publishers.RemoveAsync(id, ct)) return NotFound();
        return this.RedirectWithMessage(text["The publisher was removed."]);
    }
}
