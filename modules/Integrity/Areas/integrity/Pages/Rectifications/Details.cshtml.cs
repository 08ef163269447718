using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Domain;
using Modular.Modules.Integrity.Services;
using Modular.Sdk;

namespace Modular.Modules.Integrity.Pages.Rectifications;

/// <summary>One rectification item: its owner (or the office) closes it with a note and optional evidence; the office may reopen it.</summary>
public sealed class DetailsModel(IntegrityDbContext db, IntegrityAccess access, People people, Evidence evidence, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public Rectification Item { get; private set; } = null!;
    public Inspection Inspection { get; private set; } = null!;
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
        var item = await db.Rectifications.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null || !await RectificationAccess.CanSeeAsync(item, access, ct)) return false;
        Item = item;
        Inspection = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == item.InspectionId, ct);
        Owner = await people.NameAsync(item.OwnerMemberId, ct);
        Files = await evidence.ListAsync(id, ct);
        Today = FestivalPlanner.Today(clock.GetUtcNow(), clock);
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
        if (Item.Status == RectificationStatus.Closed) ModelState.AddModelError("", T["This item has been closed already."]);
        var note = Note?.Trim();
        if (string.IsNullOrEmpty(note)) ModelState.AddModelError(nameof(Note), T["Please say how it was rectified."]);
        else if (note.Length > 1000) ModelState.AddModelError(nameof(Note), T["The note can be at most 1000 characters."]);
        // Every file is checked before any is saved, and nothing is saved when the form has a problem.
        var uploads = await evidence.ReadAsync(Attachments, ModelState, nameof(Attachments), ct);
        if (!ModelState.IsValid) return Page();
        db.Entry(Item).Property(r => r.Version).OriginalValue = Version;
        Item.Status = RectificationStatus.Closed;
        Item.ClosedOn = Today;
        Item.ClosingNote = note;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        await evidence.SaveAsync(id, uploads, ct);
        TempData["Message"] = T["The item is closed."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        if (!access.IsManager || !await LoadAsync(id, ct)) return NotFound();
        if (Item.Status == RectificationStatus.Open) return RedirectToPage(new { id });
        db.Entry(Item).Property(r => r.Version).OriginalValue = Version;
        Item.Status = RectificationStatus.Open;
        Item.ClosedOn = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        TempData["Message"] = T["The item is open again."].Value;
        return RedirectToPage(new { id });
    }
}
