using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;

namespace Modular.Host.Pages.Account;

/// <summary>The second step of sign-in for accounts with an authenticator: a TOTP code, or a one-time recovery code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<PortalUser> signIn, AuditLog audit, IText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Recovery { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter the code.")]
    [StringLength(20)]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var outcome = result.Succeeded ? "sign-in" : result.IsLockedOut ? "sign-in-locked" : "sign-in-failed";
        await audit.WriteAsAsync(user.UserName, outcome, "Account:" + user.UserName, Recovery ? "recovery code" : "authenticator", result.Succeeded);
        if (result.Succeeded) return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? text["This account is locked after too many failed attempts. Try again in 30 minutes or ask an administrator."]
            : text["The code is wrong or has expired."]);
        Code = "";
        return Page();
    }
}
