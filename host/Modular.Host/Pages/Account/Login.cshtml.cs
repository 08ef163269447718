using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Data;
using Modular.Host.Localization;

namespace Modular.Host.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<PortalUser> signIn, IText text, Auditing.AuditLog audit, Modular.Host.Security.SecurityOptions security) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Please enter your user name.")]
        [StringLength(64)]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Please enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(128)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var userName = Input.UserName.Trim();
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            await audit.WriteAsAsync(userName, "sign-in-password", "Account:" + userName, "second factor required", true);
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }
        var outcome = result.Succeeded ? "sign-in" : result.IsLockedOut ? "sign-in-locked" : "sign-in-failed";
        await audit.WriteAsAsync(userName, outcome, "Account:" + userName, null, result.Succeeded);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(ReturnUrl));
        // One answer for a wrong password, an unknown name and a locked account: a distinct "locked" answer would
        // tell anyone which names are real (unknown names never lock). Like most providers, we name the lock as a
        // possibility instead; the owner learns the rest from the administrators, who see and lift locks.
        ModelState.AddModelError("", text["The user name or password is wrong. After {0} failed attempts an account is locked for {1} minutes; if so, try again later or ask an administrator.",
            security.MaxFailedSignIns, security.LockoutMinutes]);
        Input.Password = "";
        return Page();
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
