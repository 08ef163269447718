using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Appraisals;

/// <summary>
/// A branch's appraisal, stage by stage in order: the committee marks the self-appraisal and the peer appraisal done, enters
/// the vote counts (no more than the participants), then the grades (at most one third 优秀, none for probationary members),
/// and publishes the results to the branch, each stage with its day; members see the results once published.
/// </summary>
public sealed class EditModel(OrgLifeDbContext db, OrgLifeAccess access, Roster roster, IAgencyClock clock, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty] public List<EntryInput> Entries { get; set; } = [];
    /// <summary>The stage posted: the one under way (save its figures) or the next (the one under way is done).</summary>
    [BindProperty] public AppraisalStage Stage { get; set; }
    /// <summary>The day the stage under way was done.</summary>
    [BindProperty] public DateOnly? StageDate { get; set; }
    [BindProperty] public long Version { get; set; }

    public Appraisal Appraisal { get; private set; } = new();
    public bool Keeps { get; private set; }
    public string BranchName { get; private set; } = "";
    public Dictionary<int, string> Names { get; } = [];

    public sealed class EntryInput
    {
        public int Id { get; set; }
        public int? Excellent { get; set; }
        public int? Qualified { get; set; }
        public int? BasicallyQualified { get; set; }
        public int? Unqualified { get; set; }
        public AppraisalGrade? Grade { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await db.Appraisals.Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        Keeps = await access.CanRecordAsync(a.BranchId, ct);
        var visible = (await access.ComplianceBranchesAsync(roster, ct)).Any(b => b.Id == a.BranchId);
        // Members see their branch's results once published; the committee sees and edits all along.
        if (!Keeps && !(visible && a.Stage == AppraisalStage.Published)) return NotFound();
        Appraisal = a;
        BranchName = await roster.OrganizationNameAsync(a.BranchId, ct);
        await roster.PreloadAsync([a.BranchId], ct);
        foreach (var e in a.Entries) Names[e.MemberId] = await roster.NameAsync(e.MemberId, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } result) return result;
        Entries = Appraisal.Entries.OrderBy(e => e.IsProbationary).ThenBy(e => Names[e.MemberId]).Select(e => new EntryInput
        {
            Id = e.Id, Excellent = e.VotesExcellent, Qualified = e.VotesQualified, BasicallyQualified = e.VotesBasicallyQualified,
            Unqualified = e.VotesUnqualified, Grade = e.Grade,
        }).ToList();
        Stage = Appraisal.Stage;
        StageDate = clock.Today;
        Version = Appraisal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } result) return result;
        if (!Keeps) return NotFound();
        var a = Appraisal;
        if (a.Stage == AppraisalStage.Published) return RedirectToPage(new { id });
        var lines = new List<AppraisalLine>();
        foreach (var input in Entries)
        {
            // Only the members in this appraisal can be on the form.
            if (a.Entries.FirstOrDefault(e => e.Id == input.Id) is not { } entry) return NotFound();
            lines.Add(new(input.Excellent, input.Qualified, input.BasicallyQualified, input.Unqualified, input.Grade, entry.IsProbationary));
        }
        var previous = a.Stage > AppraisalStage.SelfAppraisal ? a.DoneOn(a.Stage - 1) : null;
        var step = new AppraisalStep(a.Stage, Stage, StageDate, previous, a.Year, clock.Today);
        ModelState.AddProblems(AppraisalRules.CheckForm(step, lines, a.Entries.Count), text);
        if (!ModelState.IsValid) return Page();
        db.Entry(a).Property(x => x.Version).OriginalValue = Version;
        // Each stage keeps its own figures: the votes while voting, the grades while grading.
        foreach (var input in Entries)
        {
            var e = a.Entries.First(x => x.Id == input.Id);
            if (a.Stage == AppraisalStage.Voting)
            {
                e.VotesExcellent = input.Excellent ?? 0;
                e.VotesQualified = input.Qualified ?? 0;
                e.VotesBasicallyQualified = input.BasicallyQualified ?? 0;
                e.VotesUnqualified = input.Unqualified ?? 0;
            }
            if (a.Stage == AppraisalStage.Grading) e.Grade = e.IsProbationary ? null : input.Grade;
        }
        if (Stage != a.Stage)
        {
            a.MarkDone(a.Stage, StageDate!.Value);
            a.Stage = Stage;
            if (Stage == AppraisalStage.Published) a.PublishedAtUtc = clock.UtcNow.UtcDateTime;
        }
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(Stage == AppraisalStage.Published ? text["The results are published to the branch."] : text["Saved."], null, new { id });
    }

    /// <summary>The stages in order with the day each was done (null: under way or to come).</summary>
    public IEnumerable<(AppraisalStage Stage, DateOnly? DoneOn)> Steps()
    {
        foreach (var stage in Enum.GetValues<AppraisalStage>().Where(s => s != AppraisalStage.Published))
            yield return (stage, Appraisal.DoneOn(stage));
    }
}
