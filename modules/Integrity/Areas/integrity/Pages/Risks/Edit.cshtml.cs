namespace Modular.Modules.Integrity.Pages.Risks;

/// <summary>
/// A risk point. The office enters and edits every field; the owner updates the risk, level and measures of their own
/// point, or confirms it unchanged: either counts as the point's review (the next one is due a year later).
/// </summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, RiskRegister register, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
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
        if (Id is null) return access.IsManager;
        Existing = await db.Risks.FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (Existing is null) return false;
        if (!access.IsManager && await currentMember.IdAsync(ct) != Existing.OwnerMemberId) return false;
        PendingReview = await db.Reviews.AnyAsync(r => r.RiskId == Existing.Id && r.Outcome == ReviewOutcome.Pending, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } r)
            Input = new RiskForm { OrganizationId = r.OrganizationId, Post = r.Post, Description = r.Description, Level = r.Level, Measures = r.Measures,
                OwnerMemberId = r.OwnerMemberId, NextReviewDate = r.NextReviewDate, Version = r.Version };
        else Input.NextReviewDate = clock.Today.AddYears(1);
        await LoadChoicesAsync(access, people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var today = clock.Today;
        var badDate = BadDate("Input.NextReviewDate");
        foreach (var key in new[] { "Input.OrganizationId", "Input.OwnerMemberId", "Input.NextReviewDate" }) ModelState.Remove(key);
        Input.Description = Input.Description?.Trim();
        Input.Measures = Input.Measures?.Trim();
        if (access.IsManager) Input.Post = Input.Post?.Trim();
        var departments = access.IsManager ? (await access.DepartmentsAsync(ct)).Select(o => o.Id).ToHashSet() : [];
        var ownerOnRoster = access.IsManager && Input.OwnerMemberId is { } owner && await people.IsOnRosterAsync(owner, ct);
        ModelState.AddProblems(RiskRules.Check(new(Input.Description, Input.Measures, Input.Post, Input.OrganizationId, Input.OwnerMemberId, Input.NextReviewDate, badDate),
            access.IsManager, departments, ownerOnRoster), T, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(access, people, ct);
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
        if (Existing is not null && await currentMember.IdAsync(ct) == risk.OwnerMemberId)
            await register.MarkReviewedAsync(risk, changed ? ReviewOutcome.Updated : ReviewOutcome.Confirmed, today, ct);
        if (!await SaveAsync(ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], access.IsManager ? "Index" : "Review");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Existing is null || await currentMember.IdAsync(ct) != Existing.OwnerMemberId) return NotFound();
        db.Entry(Existing).Property(r => r.Version).OriginalValue = Input.Version;
        await register.MarkReviewedAsync(Existing, ReviewOutcome.Confirmed, clock.Today, ct);
        if (!await SaveAsync(ct)) return Page();
        return this.RedirectWithMessage(T["Confirmed: the next review is due in a year."], "Review");
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        if (await this.TrySaveAsync(db, ct)) return true;
        await LoadChoicesAsync(access, people, ct);
        return false;
    }
}
