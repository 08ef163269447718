namespace Modular.Modules.Supervision.Pages.Tasks;

/// <summary>A task of the year's list, entered and edited by the office: owner, deadline, evidence wanted, and optionally the records that prove it.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class EditModel(SupervisionDbContext db, SupervisionAccess access, PeopleLookup people, ISharedRecords records, IAgencyClock clock,
    IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public sealed class TaskForm
    {
        public string? Title { get; set; }
        public string? Source { get; set; }
        public int? OwnerOrganizationId { get; set; }
        public int? OwnerMemberId { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? EvidenceWanted { get; set; }
        public string? ProofKind { get; set; }
        public string? ProofType { get; set; }
        public int? ProofCount { get; set; }
        public DateOnly? ProofFrom { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public TaskForm Input { get; set; } = new();
    public WorkTask? Existing { get; private set; }
    /// <summary>The kinds of record a task may name: those that answer now, and the task's own.</summary>
    public IReadOnlyList<SharedRecordKind> Kinds { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (Existing is null) return false;
            Year = Existing.Year;
        }
        Year = SaneDates.SaneYear(Year) ?? clock.Today.Year;
        var kinds = records.AvailableKinds().Where(k => k.Kind != SharedRecordKinds.DuesPaidThrough).ToList();
        if (Existing?.ProofKind is { } own && kinds.All(k => k.Kind != own)) kinds.Add(new SharedRecordKind(own, "", new LocalizedText(own, own)));
        Kinds = kinds;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } t)
            Input = new TaskForm { Title = t.Title, Source = t.Source, OwnerOrganizationId = t.OwnerOrganizationId, OwnerMemberId = t.OwnerMemberId, Deadline = t.Deadline,
                EvidenceWanted = t.EvidenceWanted, ProofKind = t.ProofKind, ProofType = t.ProofType, ProofCount = t.ProofKind is null ? null : t.ProofCount, ProofFrom = t.ProofFrom, Version = t.Version };
        await LoadChoicesAsync(access, people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var badDeadline = BadDate("Input.Deadline");
        var badFrom = BadDate("Input.ProofFrom");
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        Input.Title = Input.Title?.Trim();
        Input.Source = NullIfEmpty(Input.Source);
        Input.EvidenceWanted = NullIfEmpty(Input.EvidenceWanted);
        Input.ProofKind = NullIfEmpty(Input.ProofKind);
        Input.ProofType = NullIfEmpty(Input.ProofType);
        var organizations = (await access.OrganizationsAsync(ct)).Select(o => o.Id).ToHashSet();
        var onRoster = Input.OwnerMemberId is { } owner && await people.IsOnRosterAsync(owner, ct);
        ModelState.AddProblems(TaskRules.Check(new(Input.Title, Input.Source, Input.OwnerOrganizationId, Input.OwnerMemberId, Input.Deadline, badDeadline,
            Input.EvidenceWanted, Input.ProofKind, Input.ProofType, Input.ProofCount, Input.ProofFrom, badFrom), Year!.Value, organizations, onRoster,
            Kinds.Select(k => k.Kind).ToHashSet()), T, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        var task = Existing ?? db.Tasks.Add(new WorkTask { Year = Year!.Value }).Entity;
        if (Existing is not null) db.Entry(task).Property(t => t.Version).OriginalValue = Input.Version;
        task.Title = Input.Title!;
        task.Source = Input.Source;
        task.OwnerOrganizationId = Input.OwnerOrganizationId;
        task.OwnerMemberId = Input.OwnerMemberId;
        task.Deadline = Input.Deadline!.Value;
        task.EvidenceWanted = Input.EvidenceWanted;
        task.ProofKind = Input.ProofKind;
        task.ProofType = Input.ProofKind is null ? null : Input.ProofType;
        task.ProofCount = Input.ProofKind is null ? 0 : Input.ProofCount!.Value;
        task.ProofFrom = Input.ProofKind is null ? null : Input.ProofFrom;
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        return this.RedirectWithMessage(T["Saved."], "/Tasks/Details", new { id = task.Id });
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
