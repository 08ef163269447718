using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages.Receipts;

/// <summary>A payment's receipt (党费收据) for the member: as a page and as Word. The member, the collector of the branch and the office see it.</summary>
[RequirePermission(DuesModule.ViewPermission)]
public sealed class IndexModel(DuesDbContext db, DuesAccess access, PeopleLookup people, IWordDocuments word, IStringLocalizer<DuesModule> T) : PageModel
{
    public DuesPayment Payment { get; private set; } = null!;
    public MemberInfo Member { get; private set; } = null!;
    public string BranchName { get; private set; } = "";
    public string CollectorName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetWordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(word.Render(Receipt.Document(Payment, Member.Name, BranchName, CollectorName, T)), OfficeFiles.WordContentType, $"党费收据-{Payment.ReceiptNo}.docx");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } p) return false;
        if (await access.VisibleAsync(p.MemberId, ct) is not { } visible) return false;
        Payment = p;
        Member = visible.Member;
        BranchName = await people.OrganizationNameAsync(p.OrganizationId, ct);
        CollectorName = await people.NameAsync(p.RecordedByMemberId, ct, "");
        return true;
    }
}
