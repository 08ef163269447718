using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Appraisals;

/// <summary>
/// 民主评议党员 of a year: branches start it (every Party member takes part), members write their
/// self-appraisal, and once published every member of the branch sees the results.
/// </summary>
public sealed class IndexModel(OrgLifeDbContext db, OrgLifeAccess access, ICurrentMember member, Roster roster, IAgencyClock clock,
    IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty] public int Branch { get; set; }
    [BindProperty] public string? SelfAppraisal { get; set; }

    public sealed record BranchRow(OrganizationInfo Branch, Appraisal? Appraisal, bool Keeps);

    public IReadOnlyList<BranchRow> Rows { get; private set; } = [];
    /// <summary>The user's own entry in an appraisal still open for self-appraisal.</summary>
    public (Appraisal Appraisal, AppraisalEntry Entry)? Mine { get; private set; }
    public Roster Roster => roster;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        var branches = await access.ComplianceBranchesAsync(roster, ct);
        if (branches.Count == 0 || Year is < 2000 or > 2100) return false;
        var ids = branches.Select(b => b.Id).ToList();
        var appraisals = await db.Appraisals.AsNoTracking().Include(a => a.Entries).Where(a => a.Year == Year && ids.Contains(a.BranchId)).ToListAsync(ct);
        var rows = new List<BranchRow>();
        foreach (var b in branches) rows.Add(new BranchRow(b, appraisals.FirstOrDefault(a => a.BranchId == b.Id), await access.CanRecordAsync(b.Id, ct)));
        Rows = rows;
        if ((await member.GetScopeAsync(ct)).OwnMemberId is { } me)
        {
            // Self-appraisals are written while that stage is under way; once it is done they stand.
            foreach (var a in appraisals.Where(a => a.Stage == AppraisalStage.SelfAppraisal))
                if (a.Entries.FirstOrDefault(e => e.MemberId == me) is { } entry) Mine = (a, entry);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SelfAppraisal = Mine?.Entry.SelfAppraisal;
        return Page();
    }

    /// <summary>Starts the year's appraisal of a branch with every Party member on its roster.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var row = Rows.FirstOrDefault(r => r.Branch.Id == Branch);
        if (row is null || !row.Keeps) return NotFound();
        if (row.Appraisal is not null) return RedirectToPage("Edit", new { id = row.Appraisal.Id });
        var appraisal = new Appraisal { BranchId = Branch, Year = Year!.Value, Stage = AppraisalStage.SelfAppraisal };
        foreach (var m in await roster.PartyMembersAsync(Branch, ct))
            appraisal.Entries.Add(new AppraisalEntry { MemberId = m.Id, IsProbationary = !m.CanVote });
        db.Appraisals.Add(appraisal);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["The appraisal has started: members can now write their self-appraisal."], "Edit", new { id = appraisal.Id });
    }

    public async Task<IActionResult> OnPostSelfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Mine is not { } mine) return NotFound();
        if (string.IsNullOrWhiteSpace(SelfAppraisal)) ModelState.AddModelError(nameof(SelfAppraisal), text["Write your self-appraisal."]);
        else if (SelfAppraisal.Trim().Length > 2000) ModelState.AddModelError(nameof(SelfAppraisal), text["The self-appraisal can be at most 2000 characters."]);
        if (!ModelState.IsValid) return Page();
        var entry = await db.AppraisalEntries.FirstAsync(e => e.Id == mine.Entry.Id, ct);
        entry.SelfAppraisal = SelfAppraisal!.Trim();
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."], null, new { year = Year });
    }
}
