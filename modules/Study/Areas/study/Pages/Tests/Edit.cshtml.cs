namespace Modular.Modules.Study.Pages.Tests;

/// <summary>
/// Makes a test from chosen questions or a random draw, with its window, duration, pass mark and takers; or edits one.
/// Once anyone has started it, its questions, opening, duration, pass mark and closed book are fixed (shown, not posted):
/// the title, note, takers and a later close may change.
/// </summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class EditModel(TestBuilder builder, QuestionBank bank, StudyDbContext db, PeopleLookup people, IAgencyClock clock, IStringLocalizer<StudyModule> T) : PageModel
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
        /// <summary>The draw's lines: a category (empty for any), a difficulty (none for any) and how many; empty lines are left out.</summary>
        public List<DrawForm> Draws { get; set; } = [new() { Count = 20 }];
        public bool DrawPerPerson { get; set; }
        public bool WholeAgency { get; set; } = true;
        public List<int> OrganizationIds { get; set; } = [];
        public List<int> MemberIds { get; set; } = [];
        public long Version { get; set; }
    }

    public sealed class DrawForm
    {
        public string? Category { get; set; }
        public Difficulty? Difficulty { get; set; }
        public int? Count { get; set; }
    }

    /// <summary>Lines of draw the form offers.</summary>
    public const int DrawLines = 4;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public TestForm Input { get; set; } = new();
    public StudyTest? Existing { get; private set; }
    /// <summary>Someone has started the test: its fixed settings are shown, not offered.</summary>
    public bool Started { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<Question> Bank { get; private set; } = [];
    public IReadOnlyList<OrganizationInfo> Organizations { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];

    private async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        if (Id is not null)
        {
            var tests = tracked ? db.Tests : db.Tests.AsNoTracking();
            Existing = await tests.Include(t => t.Questions).FirstOrDefaultAsync(t => t.Id == Id, ct);
            if (Existing is null) return false;
            Started = await builder.StartedAsync(Existing.Id, ct);
        }
        Categories = await bank.CategoriesAsync(ct);
        Bank = await db.Questions.AsNoTracking().OrderBy(q => q.Category).ThenBy(q => q.Id).Take(1000).ToListAsync(ct);
        Organizations = (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup).ToList();
        Members = await people.PartyMembersAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct)) return NotFound();
        if (Existing is { } t)
            Input = new TestForm
            {
                Title = t.Title, Description = t.Description, Opens = t.Opens, Closes = t.Closes, DurationMinutes = t.DurationMinutes, PassMark = t.PassMark,
                ClosedBook = t.ClosedBook, IntegrityKnowledge = t.IntegrityKnowledge, Selection = t.Selection, DrawPerPerson = t.DrawPerPerson,
                Draws = TestBuilder.DrawOf(t).Select(l => new DrawForm { Category = l.Category, Difficulty = l.Difficulty, Count = l.Count }).ToList(),
                QuestionIds = t.Questions.Where(q => q.QuestionId is not null).Select(q => q.QuestionId!.Value).ToList(),
                WholeAgency = t.WholeAgency, OrganizationIds = Ids.Parse(t.OrganizationIds).ToList(), MemberIds = Ids.Parse(t.MemberIds).ToList(), Version = t.Version,
            };
        else
        {
            var today = clock.Today;
            Input.Opens = today.AddDays(1).ToDateTime(new TimeOnly(8, 0));
            Input.Closes = today.AddDays(8).ToDateTime(new TimeOnly(18, 0));
        }
        while (Input.Draws.Count < DrawLines) Input.Draws.Add(new DrawForm());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct)) return NotFound();
        // A date or number posted but not understood reads as missing: the rules then say what to enter.
        foreach (var key in new[] { "Input.Opens", "Input.Closes", "Input.DurationMinutes", "Input.PassMark" })
            if (ModelState[key]?.Errors.Count > 0) typeof(TestForm).GetProperty(key[6..])!.SetValue(Input, null);
        // A count not understood reads as 0 (the rules ask for at least one); a difficulty not understood as any.
        var unreadable = Input.Draws.Select((_, i) => ModelState[$"Input.Draws[{i}].Count"]?.Errors.Count > 0).ToList();
        ModelState.Clear();
        var draws = Input.Draws.Take(DrawRules.MaxLines + 1).Select((d, i) => (Index: i, d, Bad: unreadable[i]))
            .Where(x => x.Bad || x.d.Count is not null || !string.IsNullOrWhiteSpace(x.d.Category) || x.d.Difficulty is not null)
            .Select(x => (x.Index, new DrawRules.Line(string.IsNullOrWhiteSpace(x.d.Category) ? null : x.d.Category.Trim(),
                x.d.Difficulty is { } level && Enum.IsDefined(level) ? level : null, x.Bad ? 0 : x.d.Count ?? 0)))
            .ToList();
        if (Existing is not null) db.Entry(Existing).Property(t => t.Version).OriginalValue = Input.Version;
        var posted = Request.Form.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).Select(k => k[6..]).ToHashSet();
        var (test, problems) = await builder.SaveAsync(Existing, new TestBuilder.Form(Input.Title, Input.Description, Input.Opens, Input.Closes, Input.DurationMinutes, Input.PassMark,
            Input.ClosedBook, Input.IntegrityKnowledge, Input.Selection, Input.QuestionIds, draws, Input.DrawPerPerson, Input.WholeAgency, Input.OrganizationIds,
            Input.MemberIds, posted), ct);
        ModelState.AddProblems(problems, T, "Input.");
        if (test is null)
        {
            while (Input.Draws.Count < DrawLines) Input.Draws.Add(new DrawForm());
            return Page();
        }
        return this.RedirectWithMessage(Existing is null ? T["The test was made."] : T["Saved."], "/Tests/Details", new { id = test.Id });
    }
}
