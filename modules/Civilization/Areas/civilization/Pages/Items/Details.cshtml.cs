using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Civilization.Data;
using Modular.Modules.Civilization.Domain;
using Modular.Modules.Civilization.Services;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Pages.Items;

/// <summary>A criterion: its evidence (the owner submits text and optional files) and the reviewer's mark with a comment.</summary>
public sealed class DetailsModel(CivilizationDbContext db, CivilizationAccess access, People people, EvidenceFiles files, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public sealed record EvidenceView(Evidence Entry, string SubmittedBy, IReadOnlyList<StoredFileInfo> Files, bool CanDelete);

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? EvidenceText { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public ItemStatus ReviewStatus { get; set; }
    [BindProperty] public string? ReviewComment { get; set; }
    [BindProperty] public long Version { get; set; }

    public CriteriaItem Item { get; private set; } = null!;
    public Campaign Campaign { get; private set; } = null!;
    public string CategoryName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public string ReviewerName { get; private set; } = "";
    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];
    public bool CanSubmit { get; private set; }
    public bool CanReview => access.IsManager;
    public FileRules FileRules => files.Rules;
    public DateOnly Today => Framework.Today;
    public string? Error => TempData["CivilizationError"] as string;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!access.CanView) return false;
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (item is null) return false;
        Item = item;
        Campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == item.CampaignId, ct);
        CategoryName = await db.Categories.AsNoTracking().Where(c => c.Id == item.CategoryId).Select(c => c.Name).FirstAsync(ct);
        CanSubmit = await access.CanSubmitAsync(item, ct);
        var entries = await db.Evidence.AsNoTracking().Where(e => e.ItemId == item.Id).OrderByDescending(e => e.SubmittedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        await people.NamesAsync(entries.Select(e => (int?)e.SubmittedByMemberId).Append(item.OwnerMemberId).Append(item.ReviewerMemberId), ct);
        OwnerName = await people.NameAsync(item.OwnerMemberId, ct);
        ReviewerName = await people.NameAsync(item.ReviewerMemberId, ct);
        var list = new List<EvidenceView>();
        var attached = await files.ListAsync(entries.Select(e => e.Id).ToList(), ct);
        foreach (var e in entries)
            list.Add(new EvidenceView(e, await people.NameAsync(e.SubmittedByMemberId, ct), attached.GetValueOrDefault(e.Id) ?? [], await access.CanDeleteEvidenceAsync(item, e, ct)));
        Evidence = list;
        if (Request.Method == "GET") { ReviewStatus = item.Status; ReviewComment = item.ReviewComment; }
        Version = item.Version;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEvidenceAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanSubmit) return NotFound();
        ModelState.Clear();
        var text = EvidenceText?.Trim();
        if (string.IsNullOrEmpty(text)) ModelState.AddModelError(nameof(EvidenceText), T["Describe the evidence: what was done, when, and where the records are."]);
        else if (text.Length > 4000) ModelState.AddModelError(nameof(EvidenceText), T["At most {0} characters.", 4000]);
        var uploads = await files.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (!ModelState.IsValid) return Page();
        // Files are checked before anything is saved; they go to the portal's store after the entry (another connection).
        var entry = new Evidence { ItemId = Item.Id, Text = text!, SubmittedByMemberId = (await access.MeAsync(ct))?.Id, SubmittedAt = DateTime.UtcNow };
        db.Evidence.Add(entry);
        // A review saved at the same moment changes the item's stamp: read it again and flag it once more.
        for (var attempt = 1; ; attempt++)
        {
            var item = await db.Items.FirstAsync(i => i.Id == Item.Id, ct);
            item.AwaitingReview = true;
            if (item.Status == ItemStatus.NotStarted) item.Status = ItemStatus.InProgress;
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.Entry(item).State = EntityState.Detached;
            }
        }
        await files.SaveAsync(entry.Id, uploads, ct);
        TempData["Message"] = T["Evidence submitted; the reviewer is asked to look at it."].Value;
        return RedirectToPage("Details", new { id = Id });
    }

    /// <summary>The owner or the office takes back a file, while the item is not yet marked met.</summary>
    public async Task<IActionResult> OnPostRemoveFileAsync(int file, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanRemoveFiles) return NotFound();
        if (!await files.RemoveAsync(Evidence.Select(e => e.Entry.Id).ToList(), file, ct)) return NotFound();
        TempData["Message"] = T["File removed."].Value;
        return RedirectToPage("Details", new { id = Id });
    }

    public bool CanRemoveFiles => CanSubmit && Item.Status != ItemStatus.Met;

    /// <summary>
    /// Deletes an evidence entry with its files in one transaction, and puts the item back as the remaining evidence leaves it:
    /// waiting for review only while an entry came in after the last review; 未开始 again when the last entry goes before any review.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteEvidenceAsync(int entry, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Evidence.FirstOrDefault(e => e.Entry.Id == entry) is not { CanDelete: true }) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Evidence.FirstOrDefaultAsync(e => e.Id == entry, ct);
        if (row is null) return NotFound();
        db.Evidence.Remove(row);
        var item = await db.Items.FirstAsync(i => i.Id == Item.Id, ct);
        var remaining = await db.Evidence.AsNoTracking().Where(e => e.ItemId == item.Id && e.Id != entry).Select(e => e.SubmittedAt).ToListAsync(ct);
        item.AwaitingReview = remaining.Any(at => item.ReviewedAt is not { } reviewed || at > reviewed);
        if (remaining.Count == 0 && item.ReviewedAt is null && item.Status == ItemStatus.InProgress) item.Status = ItemStatus.NotStarted;
        try
        {
            await db.SaveChangesAsync(ct);
            await files.RemoveAllAsync(entry, db, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A review saved at the same moment: nothing is deleted (the transaction is rolled back), the page says so.
            ModelState.AddModelError("", T["Someone else changed this while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        TempData["Message"] = T["Evidence deleted."].Value;
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostReviewAsync(long version, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanReview) return NotFound();
        ModelState.Clear();
        var comment = ReviewComment?.Trim();
        if (!Enum.IsDefined(ReviewStatus)) ModelState.AddModelError(nameof(ReviewStatus), T["Choose the status from the list."]);
        if (ReviewStatus == ItemStatus.NotMet && string.IsNullOrEmpty(comment)) ModelState.AddModelError(nameof(ReviewComment), T["Say what is missing, so that the owner can complete it."]);
        if (comment is { Length: > 1000 }) ModelState.AddModelError(nameof(ReviewComment), T["At most {0} characters.", 1000]);
        if (version != Item.Version) ModelState.AddModelError("", T["Someone else changed this while you were editing. Reload the page and make your change again."]);
        if (!ModelState.IsValid) return Page();
        var item = await db.Items.FirstAsync(i => i.Id == Item.Id, ct);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        item.Status = ReviewStatus;
        item.ReviewComment = string.IsNullOrEmpty(comment) ? null : comment;
        item.ReviewerMemberId = (await access.MeAsync(ct))?.Id;
        item.ReviewedAt = DateTime.UtcNow;
        item.AwaitingReview = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        TempData["Message"] = T["Review saved."].Value;
        return RedirectToPage("Details", new { id = Id });
    }
}
