namespace Modular.Modules.Supervision.Pages.Prompts;

/// <summary>The office issues a month's prompt to organisations, naming the tasks due; each task gets a dated "prompted" step and each secretary a message.</summary>
[RequirePermission(SupervisionModule.ManagePermission)]
public sealed class EditModel(SupervisionAccess access, PromptDesk desk, IAgencyClock clock, IStringLocalizer<SupervisionModule> T) : SupervisionPage
{
    public sealed class PromptForm
    {
        public string? Month { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public DateOnly? AnswerBy { get; set; }
        public List<int> Targets { get; set; } = [];
        public List<int> TaskIds { get; set; } = [];
    }

    [BindProperty] public PromptForm Input { get; set; } = new();
    public IReadOnlyList<WorkTask> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        var today = clock.Today;
        var period = ReportPeriod.Parse(month) ?? new ReportPeriod(today.Year, today.Month);
        Input.Month = period.ToString();
        Input.Title = $"{period.Zh}机关党建工作提示";
        Input.AnswerBy = period.Last < today ? today.AddDays(7) : period.Last;
        await LoadAsync(period, ct);
        Input.Targets = Organizations.Where(o => o.Kind == OrganizationKind.Branch).Select(o => o.Id).ToList();
        Input.TaskIds = Candidates.Select(t => t.Id).ToList();
        return Page();
    }

    private async Task LoadAsync(ReportPeriod? period, CancellationToken ct)
    {
        Organizations = await access.OrganizationsAsync(ct);
        var today = clock.Today;
        Candidates = await desk.CandidatesAsync(period ?? new ReportPeriod(today.Year, today.Month), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var badDate = BadDate("Input.AnswerBy");
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        Input.Title = Input.Title?.Trim();
        Input.Body = Input.Body?.Trim();
        var period = ReportPeriod.Parse(Input.Month);
        await LoadAsync(period, ct);
        ModelState.AddProblems(PromptRules.Check(new(Input.Month, Input.Title, Input.Body, Input.AnswerBy, badDate, Input.Targets), clock.Today,
            Organizations.Select(o => o.Id).ToHashSet()), T, "Input.");
        if (!ModelState.IsValid) return Page();
        var prompt = await desk.IssueAsync(period!, Input.Title!, Input.Body!, Input.AnswerBy!.Value, Input.Targets, Input.TaskIds, ct);
        return this.RedirectWithMessage(T["The prompt is issued."], "/Prompts/Details", new { id = prompt.Id });
    }
}
