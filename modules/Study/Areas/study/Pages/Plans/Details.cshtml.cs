namespace Modular.Modules.Study.Pages.Plans;

/// <summary>A plan month by month, held or not, with its sessions and their attendance.</summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class DetailsModel(StudyDbContext db, StudyAccess access, StudyPlans plans, SessionMaterials materials, PeopleLookup people) : PageModel
{
    public sealed record SessionRow(int Id, DateOnly Date, string Topic, string? Speaker, int Expected, int Present, string? LinkedTitle);

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public StudyPlan Plan { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public IReadOnlyList<PlanRules.MonthProgress> Months { get; private set; } = [];
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    /// <summary>The office, or the branch's own secretary.</summary>
    public bool CanEdit { get; private set; }
    /// <summary>Each session's material files, by session id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> Files { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.Plans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == Id, ct) is not { } plan) return NotFound();
        Plan = plan;
        CanEdit = await access.CanKeepAsync(plan, ct);
        Owner = plan.Owner == PlanOwner.Branch ? await people.OrganizationNameAsync(plan.OrganizationId, ct) : "";
        Months = await plans.ProgressAsync(plan, ct);
        Sessions = await db.Sessions.AsNoTracking().Where(s => s.PlanId == Id).OrderBy(s => s.Date)
            .Select(s => new SessionRow(s.Id, s.Date, s.Topic, s.Speaker, s.LinkedExpected ?? s.Attendees.Count, s.LinkedPresent ?? s.Attendees.Count(a => a.Present), s.LinkedTitle))
            .ToListAsync(ct);
        Files = await materials.ListAsync(Sessions.Select(s => s.Id).ToList(), ct);
        return Page();
    }
}
