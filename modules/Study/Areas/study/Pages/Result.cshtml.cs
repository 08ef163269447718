namespace Modular.Modules.Study.Pages;

/// <summary>The taker's result: passed or not and the questions right (the score in points only where the agency shows it); the right answers once the window has closed.</summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class ResultModel(TestTaking taking, IModuleSettings settings, IAgencyClock clock) : PageModel
{
    public sealed record Line(ShownQuestion Question, string? Given, bool? Correct, string Answer, string? Explanation);

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public StudyTest Test { get; private set; } = null!;
    public Attempt Attempt { get; private set; } = null!;
    public bool ShowScore { get; private set; }
    public bool ShowAnswers { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await taking.TestForMeAsync(Id, ct) is not { } test || await taking.MineAsync(Id, ct) is not { } attempt) return NotFound();
        if (attempt.SubmittedAt is null) return RedirectToPage("/Take", new { id = Id });
        Test = test;
        Attempt = attempt;
        ShowScore = settings.GetBool(StudyModule.Id, StudyModule.ShowScoreSetting);
        ShowAnswers = TestWindow.ShowsAnswers(test.Closes, clock.LocalNow);
        if (ShowAnswers)
        {
            var keys = (await taking.AskedAsync(Id, attempt.Seed, ct)).ToDictionary(q => q.Id);
            var given = attempt.Answers.ToDictionary(a => a.TestQuestionId);
            Lines = (await taking.QuestionsAsync(attempt, ct)).Select(q =>
            {
                var k = keys[q.Id];
                var g = given.GetValueOrDefault(q.Id);
                return new Line(q, g is null ? null : Shown(q, g.Value), g?.Correct ?? false, Shown(q, k.Answer), k.Explanation);
            }).ToList();
        }
        return Page();
    }

    /// <summary>An answer in the letters this taker saw (stored letters are the bank's order).</summary>
    private static string Shown(ShownQuestion q, string stored) => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice
        ? string.Concat(q.Options.Where(o => stored.Contains(o.Value)).Select(o => o.Letter).Order())
        : stored.Replace("|", " / ");
}
