using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Accounts;
using Modular.Sdk;

namespace Modular.Host.Pages.Shared;

/// <summary>
/// The accounts of one agency. The platform opens it for any agency (id in the route); an agency's
/// administrator only for the session's agency. The two pages differ only in how the agency is found.
/// </summary>
public abstract class AccountsPageModel(MembershipService memberships, IText text) : PageModel
{
    protected IText Text => text;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public NewAccount Input { get; set; } = new();
    public PagedList<MembershipService.AccountRow> List { get; private set; } = new([], 1, 20, 0);
    public abstract string AgencyTitle { get; }

    public sealed class NewAccount
    {
        [Required(ErrorMessage = "Please enter a user name.")]
        [StringLength(64, ErrorMessage = "The user name can be at most {1} characters.")]
        public string UserName { get; set; } = "";
        [StringLength(50, ErrorMessage = "The display name can be at most {1} characters.")]
        public string? DisplayName { get; set; }
        [StringLength(128)]
        public string? Password { get; set; }
        public bool Admin { get; set; }
    }

    /// <summary>Whether an account that already exists elsewhere may be added (the platform only).</summary>
    protected virtual bool MayAttachExisting => false;
    /// <summary>For the form: an agency only creates accounts, so its name and password fields are required.</summary>
    public bool AttachesExisting => MayAttachExisting;

    /// <summary>The agency this page works on, or null when the user may not see it.</summary>
    protected abstract Task<int?> ResolveAgencyAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAgencyAsync(ct) is not { } id) return NotFound();
        List = await memberships.ListAsync(id, Q, PageNumber, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await ResolveAgencyAsync(ct) is not { } id) return NotFound();
        if (ModelState.IsValid)
        {
            var errors = await memberships.AddAsync(id, Input.UserName, Input.DisplayName, Input.Password, Input.Admin, MayAttachExisting, ct);
            foreach (var (field, message) in errors) ModelState.AddModelError("Input." + field, message);
            if (errors.Count == 0)
            {
                TempData["Message"] = text["The account was added."];
                return RedirectToPage();
            }
        }
        Input.Password = null;
        List = await memberships.ListAsync(id, Q, PageNumber, ct);
        return Page();
    }

    /// <summary>A refused change of a row's rights: shown in that row.</summary>
    public (int MembershipId, string Message)? RowError { get; private set; }

    public Task<IActionResult> OnPostRoleAsync(int membershipId, bool admin, CancellationToken ct) =>
        RowChangeAsync(membershipId, (id, m) => memberships.SetAdminAsync(id, m, admin, ct), text["Saved."], ct);

    public Task<IActionResult> OnPostDisciplineAsync(int membershipId, bool on, CancellationToken ct) =>
        RowChangeAsync(membershipId, (id, m) => memberships.SetDisciplineAsync(id, m, on, ct), text["Saved."], ct);

    public Task<IActionResult> OnPostRemoveAsync(int membershipId, CancellationToken ct) =>
        RowChangeAsync(membershipId, (id, m) => memberships.RemoveAsync(id, m, ct), text["The account was removed from the agency. The account itself is kept."], ct);

    private async Task<IActionResult> RowChangeAsync(int membershipId, Func<int, int, Task<MembershipService.Outcome>> change, string done, CancellationToken ct)
    {
        if (await ResolveAgencyAsync(ct) is not { } id) return NotFound();
        var outcome = await change(id, membershipId);
        if (!outcome.Found) return NotFound();
        if (outcome.Error is null)
        {
            TempData["Message"] = done;
            return RedirectToPage();
        }
        RowError = (membershipId, outcome.Error);
        // The add form's fields were bound too but were not part of this change: no "enter a user name" beside the row's message.
        ModelState.Clear();
        List = await memberships.ListAsync(id, Q, PageNumber, ct);
        return Page();
    }
}
