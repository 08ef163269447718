namespace Modular.Modules.Study.Pages.Plans;

/// <summary>
/// Makes, edits or deletes a yearly plan: whose it is and the twelve months' topics, speakers and materials (empty months
/// are left out). The office keeps every plan; a branch secretary only their own branch's (another's answers 404).
/// </summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class EditModel(StudyDbContext db, StudyPlans plans, StudyAccess access, SessionMaterials materials, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
{
    public sealed class MonthForm
    {
        public string? Topic { get; set; }
        public string? Speaker { get; set; }
        public string? Materials { get; set; }
    }

    public sealed class PlanForm
    {
        public string? Title { get; set; }
        public int? Year { get; set; }
        public PlanOwner Owner { get; set; }
        public int? OrganizationId { get; set; }
        public List<MonthForm> Months { get; set; } = Enumerable.Range(0, 12).Select(_ => new MonthForm()).ToList();
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PlanForm Input { get; set; } = new();
    /// <summary>The branches the user may make a plan for: all for the office, their own for a secretary.</summary>
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    /// <summary>The office: may make the central study group's plan.</summary>
    public bool IsManager => access.IsManager;
    /// <summary>Sessions recorded against the plan (the delete confirmation says how many go with it).</summary>
    public int SessionCount { get; private set; }

    private async Task LoadBranchesAsync(CancellationToken ct)
    {
        var all = await plans.BranchesAsync(ct);
        var kept = new List<OrganizationInfo>();
        foreach (var b in all) if (await access.KeepsBranchAsync(b.Id, ct)) kept.Add(b);
        Branches = kept;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.KeepsAnyAsync(ct)) return NotFound();
        await LoadBranchesAsync(ct);
        Input.Year = clock.Today.Year;
        if (!IsManager) { Input.Owner = PlanOwner.Branch; Input.OrganizationId = Branches.Count == 1 ? Branches[0].Id : null; }
        if (Id is null) return Page();
        if (await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Id, ct) is not { } plan || !await access.CanKeepAsync(plan, ct)) return NotFound();
        SessionCount = await db.Sessions.CountAsync(s => s.PlanId == plan.Id, ct);
        Input = new PlanForm { Title = plan.Title, Year = plan.Year, Owner = plan.Owner, OrganizationId = plan.OrganizationId, Version = plan.Version };
        foreach (var i in plan.Items.Where(i => i.Month is >= 1 and <= 12))
            Input.Months[i.Month - 1] = new MonthForm { Topic = i.Topic, Speaker = i.Speaker, Materials = i.Materials };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.KeepsAnyAsync(ct)) return NotFound();
        await LoadBranchesAsync(ct);
        StudyPlan? existing = null;
        if (Id is not null && ((existing = await db.Plans.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Id, ct)) is null || !await access.CanKeepAsync(existing, ct)))
            return NotFound();
        if (existing is not null) SessionCount = await db.Sessions.CountAsync(s => s.PlanId == existing.Id, ct);
        if (ModelState["Input.Year"]?.Errors.Count > 0) Input.Year = null;
        ModelState.Clear();
        // A secretary keeps branch plans only, and only of the branches offered (checked below by the rules).
        if (!IsManager) Input.Owner = PlanOwner.Branch;
        while (Input.Months.Count < 12) Input.Months.Add(new MonthForm());
        var months = Input.Months.Take(12).Select((m, i) => new PlanRules.Month(i + 1, m.Topic, m.Speaker, m.Materials)).ToList();
        ModelState.AddProblems(PlanRules.CheckPlan(Input.Title, Input.Year, Input.Owner, Input.OrganizationId, Branches.Select(b => b.Id).ToHashSet(), months, clock.Today.Year), T, "Input.");
        if (!ModelState.IsValid) return Page();
        var plan = existing ?? db.Plans.Add(new StudyPlan()).Entity;
        if (existing is not null) db.Entry(plan).Property(p => p.Version).OriginalValue = Input.Version;
        plan.Title = Input.Title!.Trim();
        plan.Year = Input.Year!.Value;
        plan.Owner = Input.Owner;
        plan.OrganizationId = Input.Owner == PlanOwner.Branch ? Input.OrganizationId : null;
        // Months keep their rows (sessions point at them); a month emptied goes, its sessions stay unattached.
        foreach (var m in months)
        {
            var item = plan.Items.FirstOrDefault(i => i.Month == m.Number);
            if (string.IsNullOrWhiteSpace(m.Topic)) { if (item is not null) plan.Items.Remove(item); continue; }
            if (item is null) plan.Items.Add(item = new PlanItem { Month = m.Number });
            item.Topic = m.Topic.Trim();
            item.Speaker = string.IsNullOrWhiteSpace(m.Speaker) ? null : m.Speaker.Trim();
            item.Materials = string.IsNullOrWhiteSpace(m.Materials) ? null : m.Materials.Trim();
        }
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "/Plans/Details", new { id = plan.Id });
    }

    /// <summary>Deletes the plan with its months, its sessions and their files (after the page's confirmation).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is null || await db.Plans.FirstOrDefaultAsync(p => p.Id == Id, ct) is not { } plan || !await access.CanKeepAsync(plan, ct)) return NotFound();
        var sessions = await db.Sessions.Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Removed one by one (not by the database's cascade) so that the audit names each session that went.
        db.Sessions.RemoveRange(sessions);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        foreach (var s in sessions) await materials.RemoveAllAsync(s.Id, db, ct);
        await transaction.CommitAsync(ct);
        return this.RedirectWithMessage(T["The plan was deleted."], "/Plans/Index", new { year = plan.Year });
    }
}
