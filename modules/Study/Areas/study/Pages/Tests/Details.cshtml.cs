namespace Modular.Modules.Study.Pages.Tests;

/// <summary>The office's view of a test: who has and has not taken it, their results, the hardest questions; Excel export.</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class DetailsModel(TestResults results, IAgencyClock clock) : PageModel
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

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await results.ReportAsync(Id, ct) is { } r ? File(TestResults.Export(r), ExcelSheet.ContentType, $"{r.Test.Title}-成绩.xlsx") : NotFound();
}
