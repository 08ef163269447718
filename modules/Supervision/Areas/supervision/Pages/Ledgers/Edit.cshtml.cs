namespace Modular.Modules.Supervision.Pages.Ledgers;

/// <summary>A ledger's header, entered by the office: its title, the inspection or feedback it comes from, the day received.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class EditModel(SupervisionDbContext db, IAgencyClock clock, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public sealed class LedgerForm
    {
        public string? Title { get; set; }
        public string? Source { get; set; }
        public DateOnly? ReceivedOn { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public LedgerForm Input { get; set; } = new();
    private RectificationLedger? _existing;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is not { } id) return true;
        _existing = await db.Ledgers.FirstOrDefaultAsync(l => l.Id == id, ct);
        return _existing is not null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = _existing is { } l ? new LedgerForm { Title = l.Title, Source = l.Source, ReceivedOn = l.ReceivedOn, Version = l.Version } : new LedgerForm { ReceivedOn = clock.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var bad = BadDate("Input.ReceivedOn");
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        Input.Title = Input.Title?.Trim();
        Input.Source = Input.Source?.Trim();
        ModelState.AddProblems(LedgerRules.CheckLedger(Input.Title, Input.Source, Input.ReceivedOn, bad, clock.Today), T, "Input.");
        if (!ModelState.IsValid) return Page();
        var ledger = _existing ?? db.Ledgers.Add(new RectificationLedger()).Entity;
        if (_existing is not null) db.Entry(ledger).Property(l => l.Version).OriginalValue = Input.Version;
        ledger.Title = Input.Title!;
        ledger.Source = Input.Source!;
        ledger.ReceivedOn = Input.ReceivedOn!.Value;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "/Ledgers/Details", new { id = ledger.Id });
    }
}
