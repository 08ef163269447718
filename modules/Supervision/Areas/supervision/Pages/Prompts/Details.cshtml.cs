namespace Modular.Modules.Supervision.Pages.Prompts;

/// <summary>One prompt: the office sees every organisation's answer; an organisation it was sent to answers once (调度).</summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class DetailsModel(SupervisionDbContext db, SupervisionAccess access, ICurrentMember me, PeopleLookup people, IAgencyClock clock,
    IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public MonthlyPrompt Prompt { get; private set; } = null!;
    /// <summary>The rows the user sees: all for the office, the organisations they keep otherwise.</summary>
    public IReadOnlyList<PromptTarget> Rows { get; private set; } = [];
    public IReadOnlySet<int> Mine { get; private set; } = new HashSet<int>();
    public IReadOnlyDictionary<int, OrganizationInfo> OrgNames { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyList<WorkTask> Tasks { get; private set; } = [];
    public bool IsManager => access.IsManager;
    public DateOnly Today { get; private set; }
    [BindProperty] public int TargetId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public long Version { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prompt = await db.Prompts.Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prompt is null) return false;
        Mine = prompt.Targets.Select(t => t.OrganizationId).Where((await access.OwnerScopeAsync(ct)).Organizations.Contains).ToHashSet();
        if (!access.IsManager && Mine.Count == 0) return false;
        Prompt = prompt;
        Rows = prompt.Targets.Where(t => access.IsManager || Mine.Contains(t.OrganizationId)).OrderBy(t => t.OrganizationId).ToList();
        OrgNames = await people.OrganizationsByIdAsync(ct);
        Names = await people.NamesAsync(Rows.Select(r => r.AnsweredByMemberId), ct);
        var taskIds = await db.Steps.AsNoTracking().Where(s => s.PromptId == id).Select(s => s.TaskId).ToListAsync(ct);
        Tasks = await (await access.VisibleTasksAsync(db.Tasks.AsNoTracking(), ct)).Where(t => taskIds.Contains(t.Id)).OrderBy(t => t.Deadline).ToListAsync(ct);
        Today = clock.Today;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var target = Prompt.Targets.FirstOrDefault(t => t.Id == TargetId);
        // Only the organisations the user keeps answer; the office reads.
        if (target is null || !Mine.Contains(target.OrganizationId)) return NotFound();
        ModelState.Clear();
        var answer = Answer?.Trim();
        ModelState.AddProblems(PromptRules.CheckAnswer(target.AnsweredOn is not null, answer), T);
        if (!ModelState.IsValid) return Page();
        db.Entry(target).Property(t => t.Version).OriginalValue = Version;
        target.Answer = answer;
        target.AnsweredOn = clock.Today;
        target.AnsweredByMemberId = await me.IdAsync(ct);
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadAsync(id, ct);
            return Page();
        }
        return this.RedirectWithMessage(T["Answer sent."], null, new { id });
    }
}
