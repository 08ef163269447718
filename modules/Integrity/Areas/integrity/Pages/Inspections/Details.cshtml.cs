namespace Modular.Modules.Integrity.Pages.Inspections;

/// <summary>An inspection with its rectification items; the office adds findings here.</summary>
[RequirePermission(IntegrityModule.ManagePermission)]
public sealed class DetailsModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public Inspection Inspection { get; private set; } = null!;
    public List<Rectification> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }
    [BindProperty] public List<EditModel.FindingForm> Findings { get; set; } = [new()];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return false;
        Inspection = i;
        Items = await db.Rectifications.AsNoTracking().Where(r => r.InspectionId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Today = clock.Today;
        await LoadChoicesAsync(access, people, ct);
        Roster = await people.NamesAsync(Items.Select(r => r.OwnerMemberId), ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var bad = BadDate("Findings[0].Deadline") ? new HashSet<int> { 0 } : new HashSet<int>();
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        if (Findings.Count != 1) Findings = [new()];
        var finding = EditModel.Rows(Findings, bad)[0];
        ModelState.AddProblems(InspectionRules.CheckAddedFinding(finding, "Findings", await access.OnRosterAsync([finding.OwnerMemberId], ct), Inspection.Date), T);
        if (!ModelState.IsValid) return Page();
        var f = Findings[0];
        db.Rectifications.Add(new Rectification { InspectionId = id, Finding = f.Finding!, OwnerMemberId = f.OwnerMemberId!.Value, Deadline = f.Deadline!.Value });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["The finding was added as a rectification item."], null, new { id });
    }
}
