namespace Modular.Modules.Integrity.Pages.Festivals;

/// <summary>The festival calendar of a year: dates, days before, the reminder's text, and what was sent. The office adjusts it.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, Services.FestivalPlanner festivals, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class FestivalForm
    {
        public DateOnly? Date { get; set; }
        public int? DaysBefore { get; set; }
        public string? Text { get; set; }
        public bool Enabled { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true), Modular.Sdk.Year] public int? Year { get; set; }
    [BindProperty] public FestivalForm Input { get; set; } = new();
    public int ShownYear { get; private set; }
    public List<FestivalDate> Dates { get; private set; } = [];
    public Dictionary<Domain.Festival, FestivalReminder> Sent { get; private set; } = [];
    public bool CanEdit => access.IsManager;
    /// <summary>The festival whose form had a problem (its input is shown again).</summary>
    public Domain.Festival? Failed { get; private set; }
    public DateOnly Today { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Today = today;
        ShownYear = Year is { } y && y >= today.Year - 5 && y <= today.Year + 5 ? y : today.Year;
        Dates = await festivals.ForYearAsync(ShownYear, ct);
        // Once this year's last festival has passed, the calendar people need is next year's.
        if (Year is null && Dates.Count > 0 && Dates.All(f => f.Date < today))
        {
            ShownYear = today.Year + 1;
            Dates = await festivals.ForYearAsync(ShownYear, ct);
        }
        Sent = (await db.FestivalReminders.AsNoTracking().Where(r => r.Year == ShownYear).ToListAsync(ct)).ToDictionary(r => r.Festival);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Saves one festival of the year; a year still on its defaults is stored first (Version 0 is the defaults' stamp).</summary>
    public async Task<IActionResult> OnPostSaveAsync(Domain.Festival festival, CancellationToken ct)
    {
        if (!access.IsManager || Year is not { } year || !Domain.FestivalCalendar.Supports(year) || !Enum.IsDefined(festival)) return NotFound();
        var badDate = BadDate("Input.Date");
        ModelState.Remove("Input.Date");
        ModelState.Remove("Input.DaysBefore");
        Input.Text = Input.Text?.Trim();
        ModelState.AddProblems(FestivalRules.Check(new(Input.Date, badDate, Input.DaysBefore, Input.Text), year), T, "Input.");
        if (!ModelState.IsValid)
        {
            Failed = festival;
            await LoadAsync(ct);
            return Page();
        }
        await festivals.StoreYearAsync(year, ct);
        var row = await db.FestivalDates.FirstAsync(f => f.Year == year && f.Festival == festival, ct);
        // The form showed the defaults (Version 0): a row still at its first version holds just those, whoever stored them.
        db.Entry(row).Property(f => f.Version).OriginalValue = Input.Version == 0 && row.Version == 1 ? 1 : Input.Version;
        row.Date = Input.Date!.Value;
        row.DaysBefore = Input.DaysBefore!.Value;
        row.Text = Input.Text!;
        row.Enabled = Input.Enabled;
        // Either way the page opens at the top, where the message is.
        if (await this.TrySaveAsync(db, ct)) this.ShowMessage(T["Saved."]);
        else this.ShowError(PageOutcomes.ChangedByOthers.Current);
        return RedirectToPage(null, null, new { year = row.Year }, "main");
    }
}
