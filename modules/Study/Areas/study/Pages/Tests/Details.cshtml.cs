namespace Modular.Modules.Study.Pages.Tests;

/// <summary>The office's view of a test: who has and has not taken it, their results, the hardest questions; Excel export.</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class DetailsModel(TestResults results, TestBuilder builder, StudyDbContext db, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>"taken" or "not-taken" to list only those.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public TestResults.Report Report { get; private set; } = null!;
    public TestState State { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await results.ReportAsync(Id, ct) is not { } report) return NotFound();
        Report = report;
        State = TestWindow.State(report.Test.Opens, report.Test.Closes, clock.LocalNow);
        return Page();
    }

    public IEnumerable<TestResults.Taker> Shown => Show switch
    {
        "taken" => Report.Takers.Where(t => t.Attempt?.SubmittedAt is not null),
        "not-taken" => Report.Takers.Where(t => t.Attempt?.SubmittedAt is null),
        _ => Report.Takers,
    };

    /// <summary>Ends the window now: nobody starts it any more; running attempts end now and are submitted as they stand.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await db.Tests.FirstOrDefaultAsync(t => t.Id == Id, ct) is not { } test) return NotFound();
        return await builder.CloseAsync(test, ct)
            ? this.RedirectWithMessage(T["The test was closed."], "/Tests/Details", new { id = Id })
            : this.RedirectWithError(T["Only an open test can be closed."], "/Tests/Details", new { id = Id });
    }

    /// <summary>Deletes a test nobody has started (after the page's confirmation); a started one can only be closed.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await db.Tests.FirstOrDefaultAsync(t => t.Id == Id, ct) is not { } test) return NotFound();
        return await builder.DeleteAsync(test, ct)
            ? this.RedirectWithMessage(T["The test was deleted."], "/Tests/Index")
            : this.RedirectWithError(T["Someone has started this test: it cannot be deleted, only closed."], "/Tests/Details", new { id = Id });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await results.ReportAsync(Id, ct) is { } r ? File(TestResults.Export(r), ExcelSheet.ContentType, $"{r.Test.Title}-成绩.xlsx") : NotFound();
}
