namespace Modular.Modules.Supervision.Pages.Higher;

/// <summary>A task or notice from the organ work committee (上级督办): the office reports progress and closes it; the report goes back to the committee.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class DetailsModel(IHigherTasks higher, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public HigherTask Item { get; private set; } = null!;
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public bool Finished { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await higher.FindAsync(id, ct) is not { } item) return NotFound();
        Item = item;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await higher.FindAsync(id, ct) is not { } item) return NotFound();
        Item = item;
        ModelState.Clear();
        // A notice is acknowledged, not worked on: its one answer finishes it.
        var state = Finished || item.Kind == HigherTaskKind.Notice ? HigherTaskState.Done : HigherTaskState.InProgress;
        var problems = await higher.ReportAsync(SupervisionModule.Id, id, new HigherTaskReport(state, Progress?.Trim() ?? ""), ct);
        if (problems.Count > 0)
        {
            // The host words its problems in Chinese already; the module's resources pass unknown keys through.
            ModelState.AddProblems(problems.Select(p => p with { Field = p.Field is "" or "Progress" ? p.Field : "" }), T);
            return Page();
        }
        return this.RedirectWithMessage(state == HigherTaskState.Done ? T["Reported as done: the committee sees it."] : T["Progress reported to the committee."], null, new { id });
    }
}
