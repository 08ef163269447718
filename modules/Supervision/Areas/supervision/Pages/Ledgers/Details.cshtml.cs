namespace Modular.Modules.Supervision.Pages.Ledgers;

/// <summary>One ledger with its items: the office adds items and exports the ledger as Excel or Word.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class DetailsModel(SupervisionDbContext db, SupervisionAccess access, PeopleLookup people, LedgerBook book, ICurrentAgency agency, IAgencyClock clock,
    IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public sealed class ItemForm
    {
        public string? Problem { get; set; }
        public string? Measures { get; set; }
        public int? OwnerOrganizationId { get; set; }
        public int? OwnerMemberId { get; set; }
        public DateOnly? Deadline { get; set; }
    }

    public RectificationLedger Ledger { get; private set; } = null!;
    public IReadOnlyList<LedgerItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, OrganizationInfo> OrgNames { get; private set; } = new Dictionary<int, OrganizationInfo>();
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }
    [BindProperty] public ItemForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var ledger = await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (ledger is null) return false;
        Ledger = ledger;
        Items = await db.Items.AsNoTracking().Where(i => i.LedgerId == id).OrderBy(i => i.Id).ToListAsync(ct);
        OrgNames = await people.OrganizationsByIdAsync(ct);
        Names = await people.NamesAsync(Items.Select(i => i.OwnerMemberId), ct);
        Today = clock.Today;
        await LoadChoicesAsync(access, people, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var bad = BadDate("Input.Deadline");
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        Input.Problem = Input.Problem?.Trim();
        Input.Measures = Input.Measures?.Trim();
        var onRoster = Input.OwnerMemberId is { } m && await people.IsOnRosterAsync(m, ct);
        ModelState.AddProblems(LedgerRules.CheckItem(Input.Problem, Input.Measures, Input.OwnerOrganizationId, Input.OwnerMemberId, Input.Deadline, bad,
            Ledger.ReceivedOn, Organizations.Select(o => o.Id).ToHashSet(), onRoster), T, "Input.");
        if (!ModelState.IsValid) return Page();
        db.Items.Add(new LedgerItem
        {
            LedgerId = id, Problem = Input.Problem!, Measures = Input.Measures!, OwnerOrganizationId = Input.OwnerOrganizationId, OwnerMemberId = Input.OwnerMemberId,
            Deadline = Input.Deadline!.Value,
        });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Item added."], null, new { id });
    }

    public async Task<IActionResult> OnGetExcelAsync(int id, CancellationToken ct)
    {
        if (await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is not { } ledger) return NotFound();
        return File(await book.ExcelAsync(ledger, ct), OfficeFiles.ExcelContentType, $"{T["Rectification ledger"]}-{ledger.Id}.xlsx");
    }

    public async Task<IActionResult> OnGetWordAsync(int id, CancellationToken ct)
    {
        if (await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is not { } ledger) return NotFound();
        return File(await book.WordAsync(ledger, agency.Name ?? "", ct), OfficeFiles.WordContentType, $"{T["Rectification ledger"]}-{ledger.Id}.docx");
    }
}
