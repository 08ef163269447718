namespace Modular.Modules.Study.Pages.Questions;

/// <summary>Adds or edits a question of the bank (the same rules as the import).</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class EditModel(StudyDbContext db, IStringLocalizer<StudyModule> T) : PageModel
{
    public sealed class QuestionForm
    {
        public QuestionKind? Kind { get; set; }
        public string? Category { get; set; }
        public Difficulty? Difficulty { get; set; } = Domain.Difficulty.Medium;
        public string? Text { get; set; }
        public string? Options { get; set; }
        public string? Answer { get; set; }
        public string? Explanation { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public QuestionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        if (await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == Id, ct) is not { } q) return NotFound();
        Input = new QuestionForm { Kind = q.Kind, Category = q.Category, Difficulty = q.Difficulty, Text = q.Text, Options = q.Options, Answer = q.Answer, Explanation = q.Explanation, Version = q.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Question? existing = null;
        if (Id is not null && (existing = await db.Questions.FirstOrDefaultAsync(q => q.Id == Id, ct)) is null) return NotFound();
        // One clear message per field from the rules, not the binder's English.
        ModelState.Clear();
        var (ok, problems) = QuestionRules.Check(new(Input.Kind, Input.Category, Input.Difficulty, Input.Text, Input.Options, Input.Answer, Input.Explanation));
        ModelState.AddProblems(problems, T, "Input.");
        if (ok is null) return Page();
        var question = existing ?? db.Questions.Add(new Question()).Entity;
        if (existing is not null) db.Entry(question).Property(q => q.Version).OriginalValue = Input.Version;
        QuestionBank.Apply(question, ok);
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "/Questions/Index");
    }
}
