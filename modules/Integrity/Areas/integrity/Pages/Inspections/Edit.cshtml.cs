namespace Modular.Modules.Integrity.Pages.Inspections;

/// <summary>Records an inspection with its findings (each becomes a rectification item), or edits its header.</summary>
[RequirePermission(IntegrityModule.ManagePermission)]
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
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
        if (Id is not null)
        {
            var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (i is null) return NotFound();
            Input = new InspectionForm { Date = i.Date, Mode = i.Mode, TargetKind = i.TargetKind, TargetOrganizationId = i.TargetOrganizationId, Target = i.Target, Summary = i.Summary, Version = i.Version };
        }
        else Input.Date = clock.Today;
        Pad();
        await LoadChoicesAsync(access, people, ct);
        return Page();
    }

    private void Pad()
    {
        while (Id is null && Findings.Count < FindingRows) Findings.Add(new FindingForm());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Inspection? existing = null;
        if (Id is not null && (existing = await db.Inspections.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var badDate = BadDate("Input.Date");
        var badDeadlines = Enumerable.Range(0, Findings.Count).Where(i => BadDate($"Findings[{i}].Deadline")).ToHashSet();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Findings[", StringComparison.Ordinal) || k is "Input.Date" or "Input.TargetOrganizationId").ToList())
            ModelState.Remove(key);
        Input.Target = Input.Target?.Trim();
        var departments = (await access.DepartmentsAsync(ct)).Select(o => o.Id).ToHashSet();
        ModelState.AddProblems(InspectionRules.CheckHeader(new(Input.Date, badDate, Input.Target, Input.TargetOrganizationId, Input.Summary), clock.Today, departments), T, "Input.");
        if (existing is null)
        {
            var findings = Rows(Findings, badDeadlines);
            ModelState.AddProblems(InspectionRules.CheckFindings(findings, "Findings", await access.OnRosterAsync(findings.Select(f => f.OwnerMemberId), ct), Input.Date), T);
        }
        if (!ModelState.IsValid)
        {
            Pad();
            await LoadChoicesAsync(access, people, ct);
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
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await this.TrySaveAsync(db, ct))
            {
                await LoadChoicesAsync(access, people, ct);
                return Page();
            }
            if (existing is null)
            {
                foreach (var f in Findings.Where(f => !string.IsNullOrEmpty(f.Finding)))
                    db.Rectifications.Add(new Rectification { InspectionId = inspection.Id, Finding = f.Finding!, OwnerMemberId = f.OwnerMemberId!.Value, Deadline = f.Deadline!.Value });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = inspection.Id });
    }

    /// <summary>The posted finding rows, trimmed (the form shows them so again), for the rules.</summary>
    public static List<InspectionRules.Finding> Rows(IReadOnlyList<FindingForm> findings, ISet<int> badDeadlines)
    {
        foreach (var f in findings) f.Finding = f.Finding?.Trim();
        return findings.Select((f, i) => new InspectionRules.Finding(f.Finding, f.OwnerMemberId, f.Deadline, badDeadlines.Contains(i))).ToList();
    }
}
