namespace Modular.Modules.Supervision.Pages.Tasks;

/// <summary>
/// One task with its dated steps. Its owner reports progress (调度); the office checks (督查), escalates it when late
/// (督办, which tells the owner), closes and reopens it. A record-proved task shows the records that count and closes
/// itself when they are enough.
/// </summary>
[RequirePermission(SupervisionModule.ViewPermission)]
public sealed class DetailsModel(SupervisionDbContext db, SupervisionAccess access, TaskBoard board, TaskProof proof, ISharedRecords records, ICurrentMember me, PeopleLookup people,
    IAgencyClock clock, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public WorkTask Item { get; private set; } = null!;
    public TaskStage Stage { get; private set; }
    public bool Overdue { get; private set; }
    public bool IsManager => access.IsManager;
    public bool IsOwner { get; private set; }
    public string Owner { get; private set; } = "";
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyList<SharedRecord> Counted { get; private set; } = [];
    public bool ProofAvailable { get; private set; }
    public string ProofKindName { get; private set; } = "";
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long Version { get; set; }
    /// <summary>Which form's note is shown again after a problem.</summary>
    public string? Form { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !await access.CanSeeAsync(task.OwnerOrganizationId, task.OwnerMemberId, ct)) return false;
        Item = task;
        IsOwner = await access.OwnsAsync(task.OwnerOrganizationId, task.OwnerMemberId, ct);
        return true;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Stage = TaskRules.Stage(Item.Status, Item.Steps.Select(s => s.Kind));
        Overdue = TaskRules.IsOverdue(Item.Status, Item.Deadline, today);
        var orgs = await people.OrganizationsByIdAsync(ct);
        Names = await people.NamesAsync(Item.Steps.Select(s => s.MemberId).Append(Item.OwnerMemberId), ct);
        Owner = OwnerText(Item.OwnerOrganizationId, Item.OwnerMemberId, orgs, Names);
        if (Item.ProofKind is { } kind)
        {
            Counted = await proof.CountedAsync(Item, ct);
            ProofAvailable = records.IsAvailable(kind);
            ProofKindName = records.AvailableKinds().FirstOrDefault(k => k.Kind == kind)?.Name.Current ?? kind;
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Item.Status == WorkTaskStatus.Open && Item.ProofKind is not null && await proof.CloseProvedAsync([Item], ct) > 0)
            return this.RedirectWithMessage(T["The records prove the task: it is closed."], null, new { id });
        Version = Item.Version;
        await ShowAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct) => StepAsync(id, StepKind.Reported, "report", owner: true, ct);
    public Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct) => StepAsync(id, StepKind.Checked, "check", owner: false, ct);
    public Task<IActionResult> OnPostEscalateAsync(int id, CancellationToken ct) => StepAsync(id, StepKind.Escalated, "escalate", owner: false, ct);
    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => StepAsync(id, StepKind.Closed, "close", owner: false, ct);
    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) => StepAsync(id, StepKind.Reopened, "reopen", owner: false, ct);

    /// <summary>One step: the owner (or the office) reports; only the office takes the others. Problems show on the page, nothing saved.</summary>
    private async Task<IActionResult> StepAsync(int id, StepKind kind, string form, bool owner, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !(access.IsManager || (owner && IsOwner))) return NotFound();
        ModelState.Clear();
        Form = form;
        var note = Note?.Trim();
        var problems = board.TakeStep(Item, kind, note, await me.IdAsync(ct));
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, T);
            await ShowAsync(ct);
            return Page();
        }
        db.Entry(Item).Property(t => t.Version).OriginalValue = Version;
        // The version moves with every step, so two people acting on the same task at once do not both succeed.
        db.Entry(Item).Property(t => t.Version).IsModified = true;
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadAsync(id, ct);
            await ShowAsync(ct);
            return Page();
        }
        if (kind == StepKind.Escalated) await board.NotifyOwnerAsync(Item.OwnerOrganizationId, Item.OwnerMemberId, board.EscalationNotice(Item), ct);
        return this.RedirectWithMessage(kind switch
        {
            StepKind.Reported => T["Progress reported."],
            StepKind.Checked => T["Check recorded."],
            StepKind.Escalated => T["Escalated: the owner has been told."],
            StepKind.Closed => T["The task is closed."],
            _ => T["The task is open again."],
        }, null, new { id });
    }
}
