using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Items;

/// <summary>A criterion: its evidence (the owner submits text and optional files) and the reviewer's mark with a comment.</summary>
[RequirePermission(CivilizationModule.ViewPermission)]
public sealed class DetailsModel(CivilizationDbContext db, CivilizationAccess access, PeopleLookup people, EvidenceFiles files, ItemEvidence evidence,
    IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
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
    public bool CanRemoveFiles => ItemRules.MayRemoveFiles(CanSubmit, Item.Status);
    public FileRules FileRules => files.Rules;
    public DateOnly Today => clock.Today;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (item is null) return false;
        Item = item;
        Campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == item.CampaignId, ct);
        CategoryName = await db.Categories.AsNoTracking().Where(c => c.Id == item.CategoryId).Select(c => c.Name).FirstAsync(ct);
        CanSubmit = await access.CanSubmitAsync(item, ct);
        var entries = await db.Evidence.AsNoTracking().Where(e => e.ItemId == item.Id).OrderByDescending(e => e.SubmittedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        await people.NamesAsync(entries.Select(e => e.SubmittedByMemberId).Append(item.OwnerMemberId).Append(item.ReviewerMemberId), ct);
        OwnerName = await people.NameAsync(item.OwnerMemberId, ct, missing: "");
        ReviewerName = await people.NameAsync(item.ReviewerMemberId, ct, missing: "");
        var list = new List<EvidenceView>();
        var attached = await files.ListAsync(entries.Select(e => e.Id).ToList(), ct);
        foreach (var e in entries)
            list.Add(new EvidenceView(e, await people.NameAsync(e.SubmittedByMemberId, ct, missing: ""), attached.GetValueOrDefault(e.Id) ?? [], await access.CanDeleteEvidenceAsync(item, e, ct)));
        Evidence = list;
        if (Request.Method == "GET") { ReviewStatus = item.Status; ReviewComment = item.ReviewComment; }
        Version = item.Version;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEvidenceAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanSubmit) return NotFound();
        ModelState.Clear();
        var text = EvidenceText?.Trim();
        ModelState.AddProblems(ItemRules.CheckEvidence(text), T);
        // Files are checked before anything is saved.
        var uploads = await files.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (!ModelState.IsValid) return Page();
        await evidence.SubmitAsync(Item.Id, text!, uploads, ct);
        return this.RedirectWithMessage(T["Evidence submitted; the reviewer is asked to look at it."], "Details", new { id = Id });
    }

    /// <summary>The owner or the office takes back a file, while the item is not yet marked met.</summary>
    public async Task<IActionResult> OnPostRemoveFileAsync(int file, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanRemoveFiles) return NotFound();
        if (!await files.RemoveAsync(Evidence.Select(e => e.Entry.Id).ToList(), file, ct)) return NotFound();
        return this.RedirectWithMessage(T["File removed."], "Details", new { id = Id });
    }

    /// <summary>Deletes an evidence entry with its files in one transaction; a review saved at the same moment deletes nothing.</summary>
    public async Task<IActionResult> OnPostDeleteEvidenceAsync(int entry, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Evidence.FirstOrDefault(e => e.Entry.Id == entry) is not { CanDelete: true }) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await evidence.DeleteAsync(Item.Id, entry, ct)) return NotFound();
        if (!await this.TrySaveAsync(db, ct)) return Page();
        await files.RemoveAllAsync(entry, db, ct);
        await tx.CommitAsync(ct);
        return this.RedirectWithMessage(T["Evidence deleted."], "Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostReviewAsync(long version, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanReview) return NotFound();
        ModelState.Clear();
        var comment = ReviewComment?.Trim();
        ModelState.AddProblems(ItemRules.CheckReview(ReviewStatus, comment, stale: version != Item.Version), T);
        if (!ModelState.IsValid) return Page();
        await evidence.ReviewAsync(Item.Id, version, ReviewStatus, comment, ct);
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Review saved."], "Details", new { id = Id });
    }
}
