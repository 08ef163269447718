using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Elections.Pages;

/// <summary>
/// One organisation's elections: its term and committee as the directory has them, its elections with their state, the
/// terms adjusted with the higher committee's approval, and (for those who run it) the form that lengthens or shortens the term.
/// </summary>
[RequirePermission(ElectionsModule.ViewPermission)]
public sealed class OrganizationModel(ElectionsDbContext db, ElectionAccess access, ElectionRecorder recorder, IDirectory directory,
    TermFiles termFiles, IAgencyClock clock, IStringLocalizer<ElectionsModule> T) : PageModel
{
    public sealed class TermInput
    {
        public DateOnly? NewEnd { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? Approval { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public TermInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public OrganizationInfo Org { get; private set; } = null!;
    public TermState Term { get; private set; }
    public bool CanRun { get; private set; }
    public IReadOnlyList<PostInfo> Posts { get; private set; } = [];
    public IReadOnlyList<Election> Elections { get; private set; } = [];
    public IReadOnlyList<TermAdjustment> Adjustments { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> FilesByAdjustment { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();
    public FileRules FileRules => termFiles.Rules;
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.NewEnd = Org.TermEnd;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        var uploads = await termFiles.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (ModelState.IsValid)
        {
            var result = await recorder.AdjustTermAsync(id, Input.NewEnd, Input.ApprovedOn, Input.Approval, Input.Note, uploads, ct);
            if (result.Succeeded) return this.RedirectWithMessage(T["The term is changed in the directory."], "/Organization", new { id });
            ModelState.AddProblems(result.Problems.Where(p => p.Field == ""), T);
            ModelState.AddProblems(result.Problems.Where(p => p.Field != ""), T, "Input.", firstPerField: true);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await termFiles.OpenAsync(Adjustments.Select(a => a.Id).ToList(), file, ct) is { } content
            ? File(content.Content, content.Info.ContentType, content.Info.FileName) : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!(await access.VisibleOrganizationsAsync(ct)).Contains(id) || await directory.GetOrganizationAsync(id, ct) is not { } org || org.Kind == OrganizationKind.PartyGroup)
            return false;
        Org = org;
        Term = ElectionDeadlines.Term(org.TermEnd, clock.Today);
        CanRun = await access.RunsAsync(id, ct);
        Posts = await directory.GetPostsAsync(id, ct);
        Elections = await db.Elections.AsNoTracking().Where(e => e.OrganizationId == id).OrderByDescending(e => e.PlannedOn).ThenByDescending(e => e.Id).Take(50).ToListAsync(ct);
        Adjustments = await db.TermAdjustments.AsNoTracking().Where(a => a.OrganizationId == id).OrderByDescending(a => a.ApprovedOn).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);
        FilesByAdjustment = await termFiles.ListAsync(Adjustments.Select(a => a.Id).ToList(), ct);
        return true;
    }
}
