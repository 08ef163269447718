using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Letters;

/// <summary>One letter: print it (Word), record its return slip, or cancel or reissue it with a note.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class DetailsModel(TransfersDbContext db, LetterService letters, TransfersAccess access, PeopleLookup people, IWordDocuments word, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class LetterInput
    {
        public DateOnly? ReceivedOn { get; set; }
        public string? SlipNote { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public LetterInput Input { get; set; } = new();
    public Letter Letter { get; private set; } = new();
    public string MemberName { get; private set; } = "";
    public string OrganizationName { get; private set; } = "";
    public DateOnly Today => clock.Today;

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Letters : db.Letters.AsNoTracking();
        if (await query.FirstOrDefaultAsync(l => l.Id == id, ct) is not { } letter) return false;
        Letter = letter;
        MemberName = (await people.NamesAsync([letter.MemberId], ct)).TryGetValue(letter.MemberId, out var m) ? m.Name : "—";
        OrganizationName = (await people.OrganizationsByIdAsync(ct)).TryGetValue(letter.OrganizationId, out var o) ? o.Name : "";
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, false, ct)) return NotFound();
        Input = new LetterInput { ReceivedOn = Today, Version = Letter.Version };
        return Page();
    }

    public async Task<IActionResult> OnGetWordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, false, ct)) return NotFound();
        var bytes = word.Render(await letters.DocumentAsync(Letter, ct));
        return File(bytes, OfficeFiles.WordContentType, $"组织关系介绍信-{Letter.Year}-{Letter.Sequence:000}.docx");
    }

    public Task<IActionResult> OnPostSlipAsync(int id, CancellationToken ct) =>
        ActAsync(id, l => letters.RecordSlipAsync(l, Input.ReceivedOn, Input.SlipNote, ct), T["The return slip was recorded."], ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        ActAsync(id, l => letters.CancelAsync(l, Input.Note, ct), T["The letter was cancelled; the member is back on the roster."], ct);

    public async Task<IActionResult> OnPostReissueAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, true, ct)) return NotFound();
        if (Letter.Version != Input.Version) return Refused([Problem.Stale()]);
        var result = await letters.ReissueAsync(Letter, Input.Note, access.ValidityMonths, ct);
        if (result.LetterId is { } newId) return this.RedirectWithMessage(T["A new letter was issued in place of this one."], "/Letters/Details", new { id = newId });
        return Refused(result.Problems);
    }

    private async Task<IActionResult> ActAsync(int id, Func<Letter, Task<IReadOnlyList<Problem>>> act, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, true, ct)) return NotFound();
        if (Letter.Version != Input.Version) return Refused([Problem.Stale()]);
        var problems = await act(Letter);
        if (problems.Count == 0) return this.RedirectWithMessage(done, "/Letters/Details", new { id });
        return Refused(problems);
    }

    private IActionResult Refused(IReadOnlyList<Problem> problems)
    {
        ModelState.AddProblems(problems, T, "Input.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
