using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages;

/// <summary>Money handed up to the higher committee and kept, by date and amount, for a year; the office records and deletes entries.</summary>
[RequirePermission(DuesModule.ManagePermission)]
public sealed class UsesModel(DuesDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<DuesModule> T) : PageModel
{
    public sealed class UseInput
    {
        public DateOnly? Date { get; set; }
        public UseKind? Kind { get; set; }
        public decimal? Amount { get; set; }
        public int? OrganizationId { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public UseInput Input { get; set; } = new();
    public IReadOnlyList<DuesUse> List { get; private set; } = [];
    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.Today.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Date = clock.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (Input.Date is not { } date || date.Year < 2000 || date > clock.Today) ModelState.AddModelError("Input.Date", T["Enter a date up to today."]);
        if (Input.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Input.Kind", T["Choose handed up or kept."]);
        if (Input.Amount is not { } amount || amount <= 0 || amount > 100_000_000m || amount != decimal.Round(amount, 2))
            ModelState.AddModelError("Input.Amount", T["Enter an amount above 0 in yuan, to the fen."]);
        if (Input.OrganizationId is { } org && Branches.All(b => b.Id != org)) ModelState.AddModelError("Input.OrganizationId", T["Choose a branch from the list."]);
        if (Input.Note?.Trim() is { Length: > 200 }) ModelState.AddModelError("Input.Note", T["At most {0} characters.", 200]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.Uses.Add(new DuesUse { Date = Input.Date!.Value, Kind = Input.Kind!.Value, Amount = Input.Amount!.Value, OrganizationId = Input.OrganizationId, Note = Input.Note?.Trim() });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Saved."], null, new { year = Input.Date!.Value.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.Uses.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } row) return NotFound();
        db.Uses.Remove(row);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Deleted."], null, new { year = row.Date.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var from = new DateOnly(ShownYear, 1, 1);
        var to = from.AddYears(1);
        List = await db.Uses.AsNoTracking().Where(u => u.Date >= from && u.Date < to).OrderBy(u => u.Date).ThenBy(u => u.Id).ToListAsync(ct);
        Branches = (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).ToList();
    }
}
