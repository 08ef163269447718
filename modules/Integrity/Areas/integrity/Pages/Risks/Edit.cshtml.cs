using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Domain;
using Modular.Modules.Integrity.Services;

namespace Modular.Modules.Integrity.Pages.Risks;

/// <summary>
/// A risk point. The office enters and edits every field; the owner updates the risk, level and measures of their own
/// point, or confirms it unchanged: either counts as the point's review (the next one is due a year later).
/// </summary>
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, People people, RiskRegister register, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class RiskForm
    {
        public int? OrganizationId { get; set; }
        public string? Post { get; set; }
        public string? Description { get; set; }
        public RiskLevel Level { get; set; } = RiskLevel.Medium;
        public string? Measures { get; set; }
        public int? OwnerMemberId { get; set; }
        public DateOnly? NextReviewDate { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public RiskForm Input { get; set; } = new();
    public bool IsManager => access.IsManager;
    public IntegrityRisk? Existing { get; private set; }
    public bool PendingReview { get; private set; }

    /// <summary>The point, if the user may open it (the office: any; an owner: their own); for a new one the office only.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!access.CanView) return false;
        if (Id is null) return access.IsManager;
        Existing = await db.Risks.FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (Existing is null) return false;
        if (!access.IsManager && (await access.MeAsync(ct))?.Id != Existing.OwnerMemberId) return false;
        PendingReview = await db.Reviews.AnyAsync(r => r.RiskId == Existing.Id && r.Outcome == ReviewOutcome.Pending, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } r)
            Input = new RiskForm { OrganizationId = r.OrganizationId, Post = r.Post, Description = r.Description, Level = r.Level, Measures = r.Measures,
                OwnerMemberId = r.OwnerMemberId, NextReviewDate = r.NextReviewDate, Version = r.Version };
        else Input.NextReviewDate = FestivalPlanner.Today(clock.GetUtcNow(), clock).AddYears(1);
        await LoadChoicesAsync(people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var today = FestivalPlanner.Today(clock.GetUtcNow(), clock);
        var badDate = BadDate("Input.NextReviewDate");
        foreach (var key in new[] { "Input.OrganizationId", "Input.OwnerMemberId", "Input.NextReviewDate" }) ModelState.Remove(key);
        Input.Description = Input.Description?.Trim();
        Input.Measures = Input.Measures?.Trim();
        if (string.IsNullOrEmpty(Input.Description)) ModelState.AddModelError("Input.Description", T["Please describe the risk."]);
        else if (Input.Description.Length > 1000) ModelState.AddModelError("Input.Description", T["The risk can be at most 1000 characters."]);
        if (string.IsNullOrEmpty(Input.Measures)) ModelState.AddModelError("Input.Measures", T["Please enter the control measures."]);
        else if (Input.Measures.Length > 2000) ModelState.AddModelError("Input.Measures", T["The measures can be at most 2000 characters."]);
        if (access.IsManager)
        {
            Input.Post = Input.Post?.Trim();
            if (string.IsNullOrEmpty(Input.Post)) ModelState.AddModelError("Input.Post", T["Please enter the post, e.g. 行政审批岗."]);
            else if (Input.Post.Length > 100) ModelState.AddModelError("Input.Post", T["The post can be at most 100 characters."]);
            if (Input.OrganizationId is not { } org || (await people.DepartmentsAsync(ct)).All(o => o.Id != org))
                ModelState.AddModelError("Input.OrganizationId", T["Please choose the department."]);
            if (Input.OwnerMemberId is not { } owner || !await people.IsMemberAsync(owner, ct))
                ModelState.AddModelError("Input.OwnerMemberId", T["Please choose the owner (a member of this agency)."]);
            if (Input.NextReviewDate is null) ModelState.AddModelError("Input.NextReviewDate", badDate ? T["Please enter a valid date."] : T["Please enter the next review date."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        var risk = Existing ?? db.Risks.Add(new IntegrityRisk()).Entity;
        if (Existing is not null) db.Entry(risk).Property(r => r.Version).OriginalValue = Input.Version;
        var changed = risk.Description != Input.Description || risk.Measures != Input.Measures || risk.Level != Input.Level;
        risk.Description = Input.Description!;
        risk.Measures = Input.Measures!;
        risk.Level = Input.Level;
        if (access.IsManager)
        {
            risk.Post = Input.Post!;
            risk.OrganizationId = Input.OrganizationId!.Value;
            risk.OwnerMemberId = Input.OwnerMemberId!.Value;
            risk.NextReviewDate = Input.NextReviewDate!.Value;
        }
        // The owner's own update is their review of the point.
        if (Existing is not null && (await access.MeAsync(ct))?.Id == risk.OwnerMemberId)
            await register.MarkReviewedAsync(risk, changed ? ReviewOutcome.Updated : ReviewOutcome.Confirmed, today, ct);
        if (!await SaveAsync(ct)) return Page();
        TempData["Message"] = T["Saved."].Value;
        return access.IsManager ? RedirectToPage("Index") : RedirectToPage("Review");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Existing is null || (await access.MeAsync(ct))?.Id != Existing.OwnerMemberId) return NotFound();
        db.Entry(Existing).Property(r => r.Version).OriginalValue = Input.Version;
        await register.MarkReviewedAsync(Existing, ReviewOutcome.Confirmed, FestivalPlanner.Today(clock.GetUtcNow(), clock), ct);
        if (!await SaveAsync(ct)) return Page();
        TempData["Message"] = T["Confirmed: the next review is due in a year."].Value;
        return RedirectToPage("Review");
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            await LoadChoicesAsync(people, ct);
            return false;
        }
    }
}
