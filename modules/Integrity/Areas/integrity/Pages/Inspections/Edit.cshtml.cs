using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Domain;
using Modular.Modules.Integrity.Services;

namespace Modular.Modules.Integrity.Pages.Inspections;

/// <summary>Records an inspection with its findings (each becomes a rectification item), or edits its header.</summary>
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, People people, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public const int FindingRows = 3;

    public sealed class InspectionForm
    {
        public DateOnly? Date { get; set; }
        public InspectionMode Mode { get; set; }
        public InspectionTarget TargetKind { get; set; }
        public int? TargetOrganizationId { get; set; }
        public string? Target { get; set; }
        public string? Summary { get; set; }
        public long Version { get; set; }
    }

    public sealed class FindingForm
    {
        public string? Finding { get; set; }
        public int? OwnerMemberId { get; set; }
        public DateOnly? Deadline { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public InspectionForm Input { get; set; } = new();
    [BindProperty] public List<FindingForm> Findings { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.IsManager) return NotFound();
        if (Id is not null)
        {
            var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (i is null) return NotFound();
            Input = new InspectionForm { Date = i.Date, Mode = i.Mode, TargetKind = i.TargetKind, TargetOrganizationId = i.TargetOrganizationId, Target = i.Target, Summary = i.Summary, Version = i.Version };
        }
        else Input.Date = FestivalPlanner.Today(clock.GetUtcNow(), clock);
        Pad();
        await LoadChoicesAsync(people, ct);
        return Page();
    }

    private void Pad()
    {
        while (Id is null && Findings.Count < FindingRows) Findings.Add(new FindingForm());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!access.IsManager) return NotFound();
        Inspection? existing = null;
        if (Id is not null && (existing = await db.Inspections.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var today = FestivalPlanner.Today(clock.GetUtcNow(), clock);
        var badDate = BadDate("Input.Date");
        var badDeadlines = Enumerable.Range(0, Findings.Count).Where(i => BadDate($"Findings[{i}].Deadline")).ToHashSet();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Findings[", StringComparison.Ordinal) || k is "Input.Date" or "Input.TargetOrganizationId").ToList())
            ModelState.Remove(key);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", badDate ? T["Please enter a valid date."] : T["Please enter the date of the inspection."]);
        else if (Input.Date > today) ModelState.AddModelError("Input.Date", T["An inspection is recorded after it took place: the date cannot be in the future."]);
        Input.Target = Input.Target?.Trim();
        if (string.IsNullOrEmpty(Input.Target)) ModelState.AddModelError("Input.Target", T["Please name the window or department inspected."]);
        else if (Input.Target.Length > 100) ModelState.AddModelError("Input.Target", T["The target can be at most 100 characters."]);
        if (Input.TargetOrganizationId is { } org && (await people.DepartmentsAsync(ct)).All(o => o.Id != org))
            ModelState.AddModelError("Input.TargetOrganizationId", T["Please choose an organisation of this agency."]);
        if (Input.Summary?.Trim().Length > 2000) ModelState.AddModelError("Input.Summary", T["The summary can be at most 2000 characters."]);
        if (existing is null) await CheckFindingsAsync(Findings, ModelState, "Findings", badDeadlines, people, T, Input.Date, ct);
        if (!ModelState.IsValid)
        {
            Pad();
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        var inspection = existing ?? db.Inspections.Add(new Inspection()).Entity;
        if (existing is not null) db.Entry(inspection).Property(i => i.Version).OriginalValue = Input.Version;
        inspection.Date = Input.Date!.Value;
        inspection.Mode = Input.Mode;
        inspection.TargetKind = Input.TargetKind;
        inspection.TargetOrganizationId = Input.TargetOrganizationId;
        inspection.Target = Input.Target!;
        inspection.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (existing is null)
            {
                foreach (var f in Findings.Where(f => !string.IsNullOrWhiteSpace(f.Finding)))
                    db.Rectifications.Add(new Rectification { InspectionId = inspection.Id, Finding = f.Finding!.Trim(), OwnerMemberId = f.OwnerMemberId!.Value, Deadline = f.Deadline!.Value });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        TempData["Message"] = T["Saved."].Value;
        return RedirectToPage("Details", new { id = inspection.Id });
    }

    /// <summary>Rows with a finding need an owner of the agency and a deadline on or after the inspection; empty rows are skipped.</summary>
    public static async Task CheckFindingsAsync(IReadOnlyList<FindingForm> findings, ModelStateDictionary state, string prefix, ISet<int> badDeadlines,
        People people, IStringLocalizer<IntegrityModule> T, DateOnly? inspected, CancellationToken ct)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            f.Finding = f.Finding?.Trim();
            if (string.IsNullOrEmpty(f.Finding))
            {
                if (f.OwnerMemberId is not null || f.Deadline is not null) state.AddModelError($"{prefix}[{i}].Finding", T["Please describe the finding, or clear the row."]);
                continue;
            }
            if (f.Finding.Length > 1000) state.AddModelError($"{prefix}[{i}].Finding", T["A finding can be at most 1000 characters."]);
            if (f.OwnerMemberId is not { } owner || !await people.IsMemberAsync(owner, ct)) state.AddModelError($"{prefix}[{i}].OwnerMemberId", T["Please choose who rectifies it."]);
            if (f.Deadline is null) state.AddModelError($"{prefix}[{i}].Deadline", badDeadlines.Contains(i) ? T["Please enter a valid date."] : T["Please enter the deadline."]);
            else if (inspected is { } d && f.Deadline < d) state.AddModelError($"{prefix}[{i}].Deadline", T["The deadline cannot be before the inspection."]);
        }
    }
}
