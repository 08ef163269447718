using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Services;

namespace Modular.Modules.Integrity.Pages.Festivals;

/// <summary>The festival calendar of a year: dates, days before, the reminder's text, and what was sent. The office adjusts it.</summary>
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, Services.FestivalPlanner festivals, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
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
        var today = Services.FestivalPlanner.Today(clock.GetUtcNow(), clock);
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
        if (!access.CanView) return NotFound();
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
        if (Input.Date is null) ModelState.AddModelError("Input.Date", badDate ? T["Please enter a valid date."] : T["Please enter the date."]);
        else if (Input.Date.Value.Year != year) ModelState.AddModelError("Input.Date", T["The date must be in {0}.", year]);
        if (Input.DaysBefore is not (>= 0 and <= 30)) ModelState.AddModelError("Input.DaysBefore", T["Enter a number of days from 0 to 30."]);
        Input.Text = Input.Text?.Trim();
        if (string.IsNullOrEmpty(Input.Text)) ModelState.AddModelError("Input.Text", T["Please enter the reminder's text."]);
        else if (Input.Text.Length > 500) ModelState.AddModelError("Input.Text", T["The text can be at most 500 characters."]);
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["IntegrityError"] = T["Someone else changed this record while you were editing. Reload the page and make your change again."].Value;
            return RedirectToPage(null, null, new { year = row.Year }, "main");
        }
        TempData["Message"] = T["Saved."].Value;
        return RedirectToPage(null, null, new { year = row.Year }, "main");
    }
}
