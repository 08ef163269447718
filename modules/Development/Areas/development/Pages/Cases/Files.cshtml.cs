using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages.Cases;

/// <summary>
/// A case's documents and materials, for those who work on it: each step's form or letter as Word (filled from the record,
/// or blank for the step due next), the files of each step (added later too, such as the signed talk record scanned,
/// and removed when wrong), and the person's whole file as one download. Files are always optional. Anyone else, and
/// any other agency, gets 404: the documents carry the notes and the review's conclusion.
/// </summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class FilesModel(DevelopmentDbContext db, DevelopmentAccess access, CaseDocuments documents, CaseArchive archive, StepAttachments attachments,
    IWordDocuments word, IStringLocalizer<DevelopmentModule> T) : PageModel
{
    public DevelopmentCase Case { get; private set; } = null!;
    public CaseHistory History { get; private set; } = CaseHistory.Empty;
    public string PersonName { get; private set; } = "";
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> FilesByStep { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();
    /// <summary>The documents of the steps that may be recorded next (blank forms).</summary>
    public IReadOnlyList<int> NextDocuments { get; private set; } = [];
    public FileRules FileRules => attachments.Rules;

    [BindProperty] public int StepId { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Step <paramref name="step"/>'s document as Word.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CaseDocuments.Offers(History, step)) return NotFound();
        var source = await SourceAsync(ct);
        return File(word.Render(CaseDocuments.For(source, step)), OfficeFiles.WordContentType, CaseDocuments.FileName(source, CaseDocuments.Names[step]));
    }

    /// <summary>The whole file: the Word document, in a zip with the attachments when there are any.</summary>
    public async Task<IActionResult> OnGetArchiveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var download = await archive.ExportAsync(await SourceAsync(ct), ct);
        return File(download.Content, download.ContentType, download.FileName);
    }

    /// <summary>Adds files to a step recorded before (all checked first; none saved when one is refused).</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Case.Steps.All(s => s.Id != StepId)) return NotFound();
        var uploads = await attachments.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (ModelState.IsValid && uploads.Count == 0) ModelState.AddModelError(nameof(Files), T["Choose the files to add."]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await attachments.SaveAsync(StepId, uploads, db, ct);
            await tx.CommitAsync(ct);
        }
        return this.RedirectWithMessage(T["{0} files added to step {1}.", uploads.Count, Case.Steps.First(s => s.Id == StepId).Step], "/Cases/Files", new { id });
    }

    /// <summary>Removes a file of one of the case's steps.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!await attachments.RemoveAsync(Case.Steps.Select(s => s.Id).ToList(), file, ct)) return NotFound();
        return this.RedirectWithMessage(T["The file was removed."], "/Cases/Files", new { id });
    }

    private async Task<CaseDocuments.Source> SourceAsync(CancellationToken ct)
    {
        var helpers = await db.Helpers.AsNoTracking().Where(h => h.CaseId == Case.Id).OrderBy(h => h.Role).ThenBy(h => h.Id).ToListAsync(ct);
        return await documents.SourceAsync(Case, helpers, ct);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await (await access.ManagedAsync(ct)).Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return false;
        Case = found;
        History = CaseRecorder.HistoryOf(found.Steps);
        PersonName = (await SourceAsync(ct)).Person;
        FilesByStep = await attachments.ListAsync(found.Steps.Select(s => s.Id).ToList(), ct);
        NextDocuments = History.AllowedNext().Where(s => CaseDocuments.Names.ContainsKey(s) && !History.Has(s)).ToList();
        return true;
    }
}
