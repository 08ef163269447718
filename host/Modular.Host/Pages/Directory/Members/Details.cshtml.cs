using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

/// <summary>
/// One member. ID and mobile numbers masked and the birth date (the digits the ID mask hides) left out; the agency's
/// Party office may see them in full, and each such view is audited. The member's transfers are listed where they are
/// seen: on the sending agency's record and the receiving one's (each office sees its side; the member their own).
/// </summary>
public sealed class DetailsModel(DirectoryDbContext db, DirectoryService directory, PersonalDataProtector protector, DirectoryLabels labels, ICurrentUser user, AuditLog audit) : PageModel
{
    public Member Member { get; private set; } = new();
    public string? OrganizationName { get; private set; }
    public string? GroupName { get; private set; }
    public IReadOnlyList<string> Posts { get; private set; } = [];
    /// <summary>The member's transfers out of or into this agency (and within it), newest first.</summary>
    public IReadOnlyList<MemberTransferInfo> Transfers { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanViewFull => user.IsInAgencyRole(Roles.AgencyAdmin);
    public string? FullIdNumber { get; private set; }
    public string? FullPhone { get; private set; }
    /// <summary>Shown with the full view only: the date, its year or an age would give the hidden digits away.</summary>
    public DateOnly? FullBirthDate { get; private set; }
    public bool ShowsFull => FullIdNumber is not null || FullPhone is not null || FullBirthDate is not null;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        // Outside the user's scope the member does not exist for them.
        if (member is null || !(scope.CanSeeOrganization(member.OrganizationId) || scope.OwnMemberId == id)) return false;
        Member = member;
        CanEdit = scope.CanSeeOrganization(member.OrganizationId);
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == member.OrganizationId || o.Id == member.GroupId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        OrganizationName = names.GetValueOrDefault(member.OrganizationId);
        GroupName = member.GroupId is { } g ? names.GetValueOrDefault(g) : null;
        var current = member.AgencyId;
        Transfers = (await db.Transfers.AsNoTracking()
                .Where(t => (t.FromAgencyId == current && t.FromMemberId == id) || (t.ToAgencyId == current && t.ToMemberId == id))
                .OrderByDescending(t => t.StartedOn).ThenByDescending(t => t.Id).ToListAsync(ct))
            .Select(t => t.ToInfo()).ToList();
        Posts = (await db.CurrentPosts.AsNoTracking().Where(p => p.MemberId == id).ToListAsync(ct)).Select(p => labels.Post(p.Post)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFullAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanViewFull) return Forbid();
        FullIdNumber = protector.Unprotect(Member.IdNumberProtected);
        FullPhone = protector.Unprotect(Member.PhoneProtected);
        FullBirthDate = Member.BirthDate;
        await audit.WriteAsync("member.view-personal-data", $"Directory.Member#{id}", "ID number, mobile and date of birth shown in full", true, ct);
        return Page();
    }
}
