using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Oidc;
using Modular.Host.Shell;
using Modular.Host.Shell.Navigation;

namespace Modular.Host.Pages.Platform.Clients;

public sealed class EditModel(ClientService clients, HostDbContext db, IText text) : PageModel
{
    [BindProperty] public ClientForm Form { get; set; } = new();
    public bool Creating { get; private set; } = true;
    public string? NewSecret { get; private set; }
    public IReadOnlyList<AgencyChoice> AllAgencies { get; private set; } = [];

    private async Task LoadAgenciesAsync(CancellationToken ct) =>
        AllAgencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(ct);

    public async Task<IActionResult> OnGetAsync(string? clientId, CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        if (clientId is null)
        {
            Form.Scopes = ["openid", "profile", "agency"];
            return Page();
        }
        var form = await clients.LoadAsync(clientId, ct);
        if (form is null) return NotFound();
        Form = form;
        Creating = false;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool creating, CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        Creating = creating;
        Form.ClientId = Form.ClientId?.Trim() ?? "";
        if (!creating && await clients.LoadAsync(Form.ClientId, ct) is null) return NotFound();
        foreach (var (field, message) in await clients.ValidateAsync(Form, creating, ct))
            ModelState.AddModelError("Form." + field, message);
        if (!ModelState.IsValid) return Page();
        if (creating)
        {
            NewSecret = await clients.CreateAsync(Form, ct);
            Creating = false;
            if (NewSecret is null)
            {
                TempData["Message"] = text["Saved."];
                return RedirectToPage("Index");
            }
            TempData["Message"] = text["The application is registered."];
            return Page(); // the secret is shown on this response only
        }
        NewSecret = await clients.UpdateAsync(Form, ct);
        TempData["Message"] = text["Saved."];
        return NewSecret is null ? RedirectToPage("Index") : Page();
    }

    public async Task<IActionResult> OnPostSecretAsync(string? clientId, CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        NewSecret = await clients.NewSecretAsync(clientId, ct);
        if (NewSecret is null) return NotFound();
        Form = (await clients.LoadAsync(clientId, ct))!;
        Creating = false;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? clientId, CancellationToken ct)
    {
        if (!await clients.DeleteAsync(clientId, ct)) return NotFound();
        TempData["Message"] = text["The application was removed."];
        return RedirectToPage("Index");
    }
}
