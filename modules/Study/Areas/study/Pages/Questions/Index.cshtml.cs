namespace Modular.Modules.Study.Pages.Questions;

/// <summary>The question bank: search, filters by category, type and difficulty, paging on the server; export and import.</summary>
[RequirePermission(StudyModule.ManagePermission)]
public sealed class IndexModel(StudyDbContext db, QuestionBank bank, IStringLocalizer<StudyModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Difficulty? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<Question> List { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await bank.CategoriesAsync(ct);
        IQueryable<Question> query = db.Questions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Category)) query = query.Where(q => q.Category == Category);
        if (Kind is { } k) query = query.Where(q => q.Kind == k);
        if (Level is { } l) query = query.Where(q => q.Difficulty == l);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(q => q.Text.Contains(text));
        }
        List = await PagedList<Question>.CreateAsync(query.OrderBy(q => q.Category).ThenBy(q => q.Id), PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null) return NotFound();
        // Tests keep their own copy of each question, so a deleted question leaves every test and result as it was.
        db.Questions.Remove(q);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["The question was deleted."], "/Questions/Index");
    }
}
