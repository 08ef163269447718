using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Host.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(Modular.Host.Security.PortalSignOut signOut) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signOut.SignOutAsync(User, ct: ct);
        return RedirectToPage("/Account/Login");
    }
}
