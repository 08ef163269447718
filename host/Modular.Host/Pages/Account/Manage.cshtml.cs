using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Security;
using QRCoder;
using Modular.Sdk;

namespace Modular.Host.Pages.Account;

/// <summary>The signed-in user's own security: password age and the optional TOTP second factor with recovery codes.</summary>
public sealed class ManageModel(PortalUserManager users, SignInManager<PortalUser> signIn, AuditLog audit, IText text,
    Modular.Sdk.IFeedLinks feeds, Modular.Sdk.ICurrentAgency agency, Modular.Plugins.PluginCatalog catalog,
    PasswordReconfirmation reconfirm, PortalSignOut signOut) : PageModel
{
    /// <summary>The user's subscription links in this agency, from every module, so one place can revoke them all.</summary>
    public IReadOnlyList<Modular.Sdk.FeedLinkInfo> FeedLinks { get; private set; } = [];
    public string ModuleName(string id) => catalog.Find(id)?.Name.Current ?? id;

    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public DateTime? PasswordChanged { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? CodeError { get; private set; }
    public string? PasswordError { get; private set; }

    private async Task<PortalUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        PasswordChanged = user.PasswordChangedAt;
        if (agency.Id is not null) FeedLinks = await feeds.MineAsync();
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // Stored directly: ResetAuthenticatorKeyAsync would also change the security stamp and sign
                // the user's other sessions out merely for opening this page.
                key = users.GenerateNewAuthenticatorKey();
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            }
            FormattedKey = Format(key!);
            var uri = $"otpauth://totp/{Uri.EscapeDataString("Modular")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Modular&digits=6";
            using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(5));
        }
        return user;
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        var clean = (code ?? "").Replace(" ", "").Replace("-", "");
        if (clean.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            CodeError = clean.Length == 0 ? text["Please enter the code."] : text["The code is wrong or has expired."];
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("two-factor.enable", "Account:" + user.UserName);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (!TwoFactorEnabled) return RedirectToPage();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.WriteAsync("two-factor.recovery-codes", "Account:" + user.UserName);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        // A borrowed or stolen session must not be able to remove the second factor, nor guess the password here.
        if (string.IsNullOrEmpty(password))
        {
            PasswordError = text["Please enter your password."];
            return Page();
        }
        switch (await reconfirm.CheckAsync(User, user, password))
        {
            case PasswordReconfirmation.Outcome.Locked:
                return this.RedirectWithMessage(text["Too many wrong passwords: the account is locked and you were signed out."], "/Account/Login");
            case PasswordReconfirmation.Outcome.Wrong:
                await audit.WriteAsync("two-factor.disable", "Account:" + user.UserName, "wrong password", success: false);
                PasswordError = text["The current password is wrong."];
                return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("two-factor.disable", "Account:" + user.UserName);
        return this.RedirectWithMessage(text["The second factor is off."]);
    }

    /// <summary>Ends the user's other browser sessions and every client's grants and tokens; this session stays.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await signOut.SignOutEverywhereAsync(user, ct);
        return this.RedirectWithMessage(text["Other applications lost their access at once; other devices are signed out within a minute."]);
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(int id, CancellationToken ct)
    {
        if (agency.Id is not null) await feeds.RevokeAsync(id, ct);
        return RedirectToPage();
    }
}
