using Microsoft.AspNetCore.Http;

namespace Modular.Modules.Supervision.Pages.Ledgers;

/// <summary>One ledger item: its owner (or the office) closes it with a note and optional evidence; the office may reopen it.</summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class ItemModel(SupervisionDbContext db, SupervisionAccess access, PeopleLookup people, ItemEvidence evidence, IAgencyClock clock,
    IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public LedgerItem Item { get; private set; } = null!;
    public RectificationLedger Ledger { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public IReadOnlyList<StoredFileInfo> Files { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsManager => access.IsManager;
    public FileRules Rules => evidence.Rules;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await access.CanSeeAsync(item.OwnerOrganizationId, item.OwnerMemberId, ct)) return false;
        Item = item;
        Ledger = await db.Ledgers.AsNoTracking().FirstAsync(l => l.Id == item.LedgerId, ct);
        Owner = OwnerText(item.OwnerOrganizationId, item.OwnerMemberId, await people.OrganizationsByIdAsync(ct), await people.NamesAsync([item.OwnerMemberId], ct));
        Files = await evidence.ListAsync(id, ct);
        Today = clock.Today;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var note = Note?.Trim();
        ModelState.AddProblems(LedgerRules.CheckClose(Item.Status == ItemStatus.Closed, note), T);
        // Every file is checked before any is saved, and nothing is saved when the form has a problem.
        var uploads = await evidence.ReadAsync(Attachments, ModelState, nameof(Attachments), ct);
        if (!ModelState.IsValid) return Page();
        db.Entry(Item).Property(i => i.Version).OriginalValue = Version;
        Item.Status = ItemStatus.Closed;
        Item.ClosedOn = Today;
        Item.ClosingNote = note;
        // The closing and its evidence commit together.
        if (!await evidence.SaveWithRecordAsync(db, c => this.TrySaveAsync(db, c), () => id, uploads, ct)) return Page();
        return this.RedirectWithMessage(T["The item is closed."], null, new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        if (!access.IsManager || !await LoadAsync(id, ct)) return NotFound();
        if (Item.Status == ItemStatus.Open) return RedirectToPage(new { id });
        db.Entry(Item).Property(i => i.Version).OriginalValue = Version;
        Item.Status = ItemStatus.Open;
        Item.ClosedOn = null;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["The item is open again."], null, new { id });
    }
}
