namespace Modular.Modules.Study.Pages.Tests;

/// <summary>Makes a test from chosen questions or a random draw, with its window, duration, pass mark and takers.</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class CreateModel(TestBuilder builder, QuestionBank bank, StudyDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
{
    public sealed class TestForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public DateTime? Opens { get; set; }
        public DateTime? Closes { get; set; }
        public int? DurationMinutes { get; set; } = 30;
        public int? PassMark { get; set; } = 60;
        public bool ClosedBook { get; set; }
        public bool IntegrityKnowledge { get; set; }
        public Selection Selection { get; set; } = Selection.Random;
        public List<int> QuestionIds { get; set; } = [];
        public string? DrawCategory { get; set; }
        public int? DrawCount { get; set; } = 20;
        public bool WholeAgency { get; set; } = true;
        public List<int> OrganizationIds { get; set; } = [];
        public List<int> MemberIds { get; set; } = [];
    }

    [BindProperty] public TestForm Input { get; set; } = new();
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<Question> Bank { get; private set; } = [];
    public IReadOnlyList<OrganizationInfo> Organizations { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await bank.CategoriesAsync(ct);
        Bank = await db.Questions.AsNoTracking().OrderBy(q => q.Category).ThenBy(q => q.Id).Take(1000).ToListAsync(ct);
        Organizations = (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();
        Members = await people.PartyMembersAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Input.Opens = today.AddDays(1).ToDateTime(new TimeOnly(8, 0));
        Input.Closes = today.AddDays(8).ToDateTime(new TimeOnly(18, 0));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A date or number posted but not understood reads as missing: the rules then say what to enter.
        foreach (var key in new[] { "Input.Opens", "Input.Closes", "Input.DurationMinutes", "Input.PassMark", "Input.DrawCount" })
            if (ModelState[key]?.Errors.Count > 0) typeof(TestForm).GetProperty(key[6..])!.SetValue(Input, null);
        ModelState.Clear();
        var (test, problems) = await builder.CreateAsync(new TestBuilder.Form(Input.Title, Input.Description, Input.Opens, Input.Closes, Input.DurationMinutes, Input.PassMark,
            Input.ClosedBook, Input.IntegrityKnowledge, Input.Selection, Input.QuestionIds, Input.DrawCategory, Input.DrawCount, Input.WholeAgency, Input.OrganizationIds, Input.MemberIds), ct);
        ModelState.AddProblems(problems, T, "Input.");
        if (test is null) return Page();
        return this.RedirectWithMessage(T["The test was made."], "/Tests/Details", new { id = test.Id });
    }
}
