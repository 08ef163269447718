using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Mobile;

/// <summary>Registers a mobile member or edits their entry (where, contact, the organisation there, the 流动党员活动证).</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class EditModel(TransfersDbContext db, MobileRegistry registry, IDirectory directory, IAgencyClock clock, IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class EntryInput
    {
        public int? MemberId { get; set; }
        public string? Place { get; set; }
        public DateOnly? Since { get; set; }
        public string? Contact { get; set; }
        public string? ManagingOrganization { get; set; }
        public string? CertificateNumber { get; set; }
        public DateOnly? CertificateIssuedOn { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public EntryInput Input { get; set; } = new();
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];
    public string? MemberName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.MobileMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == existing, ct) is not { } row) return NotFound();
            Input = new EntryInput { MemberId = row.MemberId, Place = row.Place, Since = row.Since, Contact = row.Contact, ManagingOrganization = row.ManagingOrganization,
                CertificateNumber = row.CertificateNumber, CertificateIssuedOn = row.CertificateIssuedOn, Version = row.Version };
            MemberName = (await directory.GetMemberAsync(row.MemberId, ct))?.Name;
        }
        else Input.Since = clock.Today;
        Members = await directory.FindMembersAsync(new MemberQuery(Situations: [MemberSituation.Normal, MemberSituation.Mobile]), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        MobileMember? row = null;
        if (id is { } existing)
        {
            row = await db.MobileMembers.FirstOrDefaultAsync(m => m.Id == existing, ct);
            if (row is null) return NotFound();
            if (row.Version != Input.Version) ModelState.AddProblems([Problem.Stale()], T, "Input.");
            MemberName = (await directory.GetMemberAsync(row.MemberId, ct))?.Name;
        }
        if (ModelState.IsValid)
        {
            var (savedId, problems) = await registry.SaveAsync(row, new MobileRegistry.Entry(Input.MemberId, Input.Place, Input.Since, Input.Contact, Input.ManagingOrganization,
                Input.CertificateNumber, Input.CertificateIssuedOn), ct);
            if (savedId is { } done) return this.RedirectWithMessage(T["Saved."], "/Mobile/Details", new { id = done });
            ModelState.AddProblems(problems, T, "Input.");
        }
        Members = await directory.FindMembersAsync(new MemberQuery(Situations: [MemberSituation.Normal, MemberSituation.Mobile]), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
