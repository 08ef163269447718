using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Services;
using Modular.Sdk;

namespace Modular.Modules.Integrity.Pages.Inspections;

/// <summary>An inspection with its rectification items; the office adds findings here.</summary>
public sealed class DetailsModel(IntegrityDbContext db, IntegrityAccess access, People people, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public Inspection Inspection { get; private set; } = null!;
    public List<Rectification> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }
    [BindProperty] public List<EditModel.FindingForm> Findings { get; set; } = [new()];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!access.IsManager) return false;
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return false;
        Inspection = i;
        Items = await db.Rectifications.AsNoTracking().Where(r => r.InspectionId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Today = FestivalPlanner.Today(clock.GetUtcNow(), clock);
        await LoadChoicesAsync(people, ct);
        Roster = await people.NamesAsync(Items.Select(r => r.OwnerMemberId), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var bad = BadDate("Findings[0].Deadline") ? new HashSet<int> { 0 } : new HashSet<int>();
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        if (Findings.Count != 1) Findings = [new()];
        if (string.IsNullOrWhiteSpace(Findings[0].Finding))
        {
            // Every field of the one new finding is required: say so for each that is missing, not only the first.
            ModelState.AddModelError("Findings[0].Finding", T["Please describe the finding."]);
            if (Findings[0].OwnerMemberId is null) ModelState.AddModelError("Findings[0].OwnerMemberId", T["Please choose who rectifies it."]);
            if (Findings[0].Deadline is null) ModelState.AddModelError("Findings[0].Deadline", bad.Count > 0 ? T["Please enter a valid date."] : T["Please enter the deadline."]);
        }
        else await EditModel.CheckFindingsAsync(Findings, ModelState, "Findings", bad, people, T, Inspection.Date, ct);
        if (!ModelState.IsValid) return Page();
        var f = Findings[0];
        db.Rectifications.Add(new Rectification { InspectionId = id, Finding = f.Finding!, OwnerMemberId = f.OwnerMemberId!.Value, Deadline = f.Deadline!.Value });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = T["The finding was added as a rectification item."].Value;
        return RedirectToPage(new { id });
    }
}
