using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages.Cases;

/// <summary>
/// Enters an application (step 1): the person is picked from the directory among the applicants of the branches the
/// user works on; someone not on the roster is added in the directory first (the page links there).
/// </summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class OpenModel(DevelopmentDbContext db, DevelopmentAccess access, CaseRecorder recorder, PeopleLookup people, StepAttachments attachments,
    IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : PageModel
{
    public sealed class OpenInput
    {
        public int? MemberId { get; set; }
        public DateOnly? Date { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public OpenInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public IReadOnlyList<MemberInfo> Applicants { get; private set; } = [];
    public FileRules FileRules => attachments.Rules;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.WorksOnCasesAsync(ct)) return NotFound();
        Input.Date = clock.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.WorksOnCasesAsync(ct)) return NotFound();
        await LoadAsync(ct);
        var uploads = await attachments.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (Input.MemberId is not { } memberId || Applicants.All(a => a.Id != memberId))
            ModelState.AddModelError("Input.MemberId", T["Choose an applicant of your branches from the list."]);
        if (ModelState.IsValid)
        {
            var result = await recorder.OpenAsync(Input.MemberId!.Value, new StepEntry(Steps.Application, Input.Date, Note: Input.Note), null, uploads, ct);
            if (result.CaseId is { } id) return this.RedirectWithMessage(T["The application was entered."], "/Cases/Details", new { id });
            ModelState.AddProblems(result.Problems.Select(p => p.Field == "Step" ? p with { Field = "" } : p), T, "Input.", firstPerField: true);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var branches = await access.WorkBranchesAsync(ct);
        var taken = await db.Cases.AsNoTracking().Select(c => c.MemberId).ToListAsync(ct);
        var applicants = new List<MemberInfo>();
        foreach (var m in (await people.CurrentMembersAsync(ct)).Values.Where(Roster.IsApplicant).Where(m => !taken.Contains(m.Id)).OrderBy(m => m.Name, StringComparer.Ordinal))
            if (branches.Contains(await people.BranchOfAsync(m.Id, ct) ?? m.OrganizationId)) applicants.Add(m);
        Applicants = applicants;
    }
}
