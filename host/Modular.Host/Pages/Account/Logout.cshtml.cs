using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Data;

namespace Modular.Host.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, Auditing.AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true) await audit.WriteAsync("sign-out", "Account:" + User.Identity.Name);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
