using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>Each branch's fixed theme Party day (主题党日固定日); the agency's default applies where none is set.</summary>
public sealed class SchedulesModel(OrgLifeDbContext db, OrgLifeAccess access, Roster roster, OrgLifeSettings settings, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    public IReadOnlyList<(OrganizationInfo Branch, int Day, bool Own)> Rows { get; private set; } = [];
    public int AgencyDay => settings.AgencyThemeDay;
    [BindProperty] public int BranchId { get; set; }
    [BindProperty] public int? Day { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var branches = await access.RecordableBranchesAsync(await roster.BranchesAsync(ct), ct);
        if (branches.Count == 0) return false;
        var own = await db.BranchSchedules.AsNoTracking().ToDictionaryAsync(s => s.BranchId, s => s.ThemePartyDay, ct);
        Rows = branches.Select(b => (b, own.GetValueOrDefault(b.Id, AgencyDay), own.ContainsKey(b.Id))).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Rows.All(r => r.Branch.Id != BranchId)) return NotFound();
        if (Day is not (>= 1 and <= 31)) ModelState.AddModelError($"Day-{BranchId}", text["Enter a day from 1 to 31."]);
        if (!ModelState.IsValid) return Page();
        var row = await db.BranchSchedules.FirstOrDefaultAsync(s => s.BranchId == BranchId, ct);
        if (row is null) db.BranchSchedules.Add(row = new BranchSchedule { BranchId = BranchId });
        row.ThemePartyDay = Day!.Value;
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."]);
    }
}
