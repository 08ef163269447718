using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Accounts;
using Modular.Sdk;

namespace Modular.Host.Pages.Security;

public sealed class AdministratorsModel(AdministratorService admins, IText text) : PageModel
{
    public IReadOnlyList<AdministratorService.AdminRow> Rows { get; private set; } = [];
    public string? Error { get; private set; }
    public string? UserNameInput { get; private set; }
    /// <summary>The role chosen in the form, kept when the change is refused.</summary>
    public string? RoleInput { get; private set; }
    public string? SelfId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string RoleName(string? role) => role switch
    {
        Roles.PlatformAdmin => text["System administrator"],
        Roles.SecurityAdmin => text["Security administrator"],
        Roles.AuditAdmin => text["Audit administrator"],
        Roles.OversightCommittee => text["Organ work committee"],
        _ => text["No administrator role"],
    };

    public async Task OnGetAsync(CancellationToken ct) => Rows = await admins.ListAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(string? userName, string? role, CancellationToken ct)
    {
        UserNameInput = userName;
        RoleInput = role;
        Error = string.IsNullOrWhiteSpace(userName)
            ? text["Please enter a user name."]
            : await admins.SetRoleAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, userName, string.IsNullOrEmpty(role) ? null : role, ct);
        if (Error is null)
        {
            return this.RedirectWithMessage(text["Saved."]);
        }
        Rows = await admins.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct)
    {
        if (!await admins.UnlockAsync(userId, ct)) return NotFound();
        return this.RedirectWithMessage(text["The account is unlocked."]);
    }
}
