using Microsoft.AspNetCore.Http;

namespace Modular.Modules.Study.Pages;

/// <summary>
/// Taking a test on one page: a start screen, then the questions in the taker's order. Each answer is saved as it is
/// given (the page's script posts it to <c>?handler=Save</c>); without script the whole form saves on submit. A reload
/// shows the saved answers; at the end of time the attempt is submitted as it stands.
/// </summary>
[RequirePermission(StudyModule.ViewPermission)]
public sealed class TakeModel(TestTaking taking, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public StudyTest Test { get; private set; } = null!;
    public Attempt? Attempt { get; private set; }
    public IReadOnlyList<ShownQuestion> Questions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Given { get; private set; } = new Dictionary<int, string>();
    public TestState State { get; private set; }
    /// <summary>Seconds left for the attempt (the page's countdown).</summary>
    public int SecondsLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await taking.TestForMeAsync(Id, ct) is not { } test) return NotFound();
        Test = test;
        Attempt = await taking.MineAsync(Id, ct);
        if (Attempt?.SubmittedAt is not null) return RedirectToPage("/Result", new { id = Id });
        State = TestWindow.State(test.Opens, test.Closes, clock.LocalNow);
        if (Attempt is not null) await LoadQuestionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var (outcome, _) = await taking.StartAsync(Id, ct);
        return outcome switch
        {
            TakeOutcome.NotFound => NotFound(),
            TakeOutcome.NotOpen => this.RedirectWithError(T["The test is not open yet."], "/Take", new { id = Id }),
            TakeOutcome.Closed => this.RedirectWithError(T["The test has closed."], "/Take", new { id = Id }),
            TakeOutcome.Submitted => RedirectToPage("/Result", new { id = Id }),
            _ => RedirectToPage("/Take", new { id = Id }),
        };
    }

    /// <summary>One answer, from the page's script: 200 saved, 400 not an answer, 409 submitted already (time up or by the taker).</summary>
    public async Task<IActionResult> OnPostSaveAsync(int question, string? value, CancellationToken ct)
    {
        var outcome = await taking.SaveAsync(Id, question, value, ct);
        return outcome switch
        {
            TakeOutcome.NotFound => NotFound(),
            TakeOutcome.Saved => new JsonResult(new { saved = true }),
            TakeOutcome.Invalid => new JsonResult(new { saved = false, message = T["This is not an answer to the question."].Value }) { StatusCode = StatusCodes.Status400BadRequest },
            _ => new JsonResult(new { saved = false, submitted = true, message = T["Time is up: the test was submitted with the answers saved."].Value }) { StatusCode = StatusCodes.Status409Conflict },
        };
    }

    /// <summary>The page of a closed-book test was left (from the page's script).</summary>
    public async Task<IActionResult> OnPostLeftAsync(CancellationToken ct) =>
        await taking.LeftPageAsync(Id, ct) == TakeOutcome.NotFound ? NotFound() : new JsonResult(new { noted = true });

    /// <summary>Submits: the answers on the form are saved first (all of them, for a page without script), then graded.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var given = new Dictionary<int, string?>();
        foreach (var (key, values) in Request.Form)
            if (key.StartsWith('q') && int.TryParse(key.AsSpan(1), out var question)) given[question] = string.Concat(values.ToArray());
        var (outcome, _) = await taking.SubmitAsync(Id, given, ct);
        if (outcome == TakeOutcome.NotFound) return NotFound();
        return this.RedirectWithMessage(T["Submitted. Your result is below."], "/Result", new { id = Id });
    }

    private async Task LoadQuestionsAsync(CancellationToken ct)
    {
        Questions = await taking.QuestionsAsync(Attempt!, ct);
        Given = Attempt!.Answers.ToDictionary(a => a.TestQuestionId, a => a.Value);
        SecondsLeft = Math.Max(0, (int)(Attempt.DueAt - clock.LocalNow).TotalSeconds);
    }
}
