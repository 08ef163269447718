using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>
/// The yearly publication of dues collected and used per branch (党费收缴使用情况公布): members see the years the office
/// published, as a page and as Word; the office sees any year and publishes it.
/// </summary>
[RequirePermission(DuesModule.ViewPermission)]
public sealed class PublicationModel(DuesDbContext db, DuesAccess access, DuesFigures figures, ICurrentAgency agency, IWordDocuments word, IAgencyClock clock,
    IStringLocalizer<DuesModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<int> Published { get; private set; } = [];
    public DuesPublication? Shown { get; private set; }
    public IReadOnlyList<BranchYear> Lines { get; private set; } = [];
    public bool IsOffice => access.IsOffice;
    public int ShownYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Shown is null && !IsOffice) return NotFound();
        var doc = new WordDocument(T["Dues collected and used in {0}", ShownYear]) { Subtitle = agency.Name };
        if (Shown?.Note is { } note) doc.Paragraph(note);
        doc.Table(Columns(), Lines.Select(Cells));
        doc.Signature(T["Agency Party committee"], Shown?.PublishedOn ?? clock.Today);
        return File(word.Render(doc), OfficeFiles.WordContentType, $"{ShownYear}年度党费收缴使用情况公布.docx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsOffice) return NotFound();
        ModelState.Clear();
        await LoadAsync(ct);
        if (ShownYear > clock.Today.Year) ModelState.AddModelError(nameof(Year), T["A year is published once it has begun."]);
        if (Note?.Trim() is { Length: > 1000 }) ModelState.AddModelError(nameof(Note), T["At most {0} characters.", 1000]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var row = await db.Publications.FirstOrDefaultAsync(p => p.Year == ShownYear, ct);
        if (row is null) db.Publications.Add(row = new DuesPublication { Year = ShownYear });
        row.PublishedOn = clock.Today;
        row.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["The year {0} was published to the members.", ShownYear], null, new { year = ShownYear });
    }

    public IReadOnlyList<string> Columns() =>
        [T["Branch"], T["Members paying"], T["Owed (yuan)"], T["Paid (yuan)"], T["Behind"], T["Handed up (yuan)"], T["Kept and used (yuan)"]];

    public IReadOnlyList<string> Cells(BranchYear l) =>
        [l.Branch?.Name ?? T["Whole agency"], l.Branch is null ? "" : l.Payers.ToString(), Ui.Yuan(l.Expected), Ui.Yuan(l.Paid), l.Branch is null ? "" : l.Behind.ToString(), Ui.Yuan(l.HandedUp), Ui.Yuan(l.Kept)];

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Publications.AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(ct);
        Published = rows.Select(p => p.Year).ToList();
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : Published.FirstOrDefault(IsOffice ? clock.Today.Year : 0);
        Shown = rows.FirstOrDefault(p => p.Year == ShownYear);
        // Members see a year only once it is published.
        if (Shown is not null || IsOffice && ShownYear > 0) Lines = await figures.YearAsync(ShownYear, ct);
    }
}
