namespace Modular.Modules.Study.Pages.Plans;

/// <summary>Makes or edits a yearly plan: whose it is and the twelve months' topics, speakers and materials (empty months are left out).</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class EditModel(StudyDbContext db, StudyPlans plans, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
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
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Branches = await plans.BranchesAsync(ct);
        Input.Year = clock.Today.Year;
        if (Id is null) return Page();
        if (await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Id, ct) is not { } plan) return NotFound();
        Input = new PlanForm { Title = plan.Title, Year = plan.Year, Owner = plan.Owner, OrganizationId = plan.OrganizationId, Version = plan.Version };
        foreach (var i in plan.Items.Where(i => i.Month is >= 1 and <= 12))
            Input.Months[i.Month - 1] = new MonthForm { Topic = i.Topic, Speaker = i.Speaker, Materials = i.Materials };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Branches = await plans.BranchesAsync(ct);
        StudyPlan? existing = null;
        if (Id is not null && (existing = await db.Plans.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Id, ct)) is null) return NotFound();
        if (ModelState["Input.Year"]?.Errors.Count > 0) Input.Year = null;
        ModelState.Clear();
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
}
