using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Account;

/// <summary>Self-service: a member sees their own record and corrects their contact details.</summary>
public sealed class ProfileModel(DirectoryDbContext db, PersonalDataProtector protector, ICurrentUser user, IText text) : PageModel
{
    public Member? Member { get; private set; }
    public string? OrganizationName { get; private set; }
    public string? PhoneInput { get; private set; }
    public string? PhoneError { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (user.Id is not { } id) return;
        Member = await db.Members.FirstOrDefaultAsync(m => m.UserId == id, ct);
        if (Member is not null)
            OrganizationName = await db.Organizations.Where(o => o.Id == Member.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? phone, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Member is null) return NotFound();
        PhoneInput = phone?.Trim();
        if (string.IsNullOrEmpty(PhoneInput)) PhoneError = text["Enter your new mobile number."];
        else if (!PersonalDataFormat.IsValidMobile(PhoneInput)) PhoneError = text["Enter an 11-digit mobile number starting with 1."];
        if (PhoneError is not null) return Page();
        protector.SetPhone(Member, PhoneInput);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."]);
    }
}
