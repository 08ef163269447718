using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Pages.Account;

/// <summary>Moves the session into another agency the user belongs to; the session's principal is re-issued.</summary>
public sealed class SwitchAgencyModel(HostDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Auditing.AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(int agencyId, string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var member = await db.HonouredMemberships().AnyAsync(m => m.UserId == user.Id && m.AgencyId == agencyId && m.Agency!.Status == AgencyStatus.Active);
        if (!member)
        {
            await audit.WriteAsync("agency-switch", "Agency#" + agencyId, null, success: false);
            return NotFound();
        }
        user.LastAgencyId = agencyId;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("agency-switch", "Agency#" + agencyId);
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
