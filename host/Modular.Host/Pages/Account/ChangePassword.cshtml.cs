using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Security;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Pages.Account;

public sealed class ChangePasswordModel(PortalUserManager users, SignInManager<PortalUser> signIn, SecurityOptions security, AuditLog audit, IText text,
    PasswordReconfirmation reconfirm) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();
    /// <summary>Where the user was going when the change was required (e.g. a client's sign-in).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Required => User.HasClaim(c => c.Type == PortalClaims.MustChangePassword);
    public int History => security.PasswordHistory;

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Please enter your current password.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Please enter a new password.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Please enter the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", text["The new password must differ from the current one."]);
            return Page();
        }
        // The current password is checked first, counting toward lockout like sign-in.
        switch (await reconfirm.CheckAsync(User, user, Input.CurrentPassword))
        {
            case PasswordReconfirmation.Outcome.Locked:
                return this.RedirectWithMessage(text["Too many wrong passwords: the account is locked and you were signed out."], "/Account/Login");
            case PasswordReconfirmation.Outcome.Wrong:
                ModelState.AddModelError("Input.CurrentPassword", text["The current password is wrong."]);
                await audit.WriteAsync("password.change", "Account:" + user.UserName, "wrong current password", success: false);
                return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                var field = e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, IdentityMessages.Describe(e, text));
            }
            await audit.WriteAsync("password.change", "Account:" + user.UserName, null, success: false);
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("password.change", "Account:" + user.UserName);
        this.ShowMessage(text["Your password was changed."]);
        return LocalRedirect(HostSetup.IsLocalPath(ReturnUrl) && ReturnUrl != "/Account/ChangePassword" ? ReturnUrl! : "/");
    }
}
