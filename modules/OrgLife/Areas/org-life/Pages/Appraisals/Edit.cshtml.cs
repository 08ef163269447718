using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.OrgLife.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;
using Modular.Modules.OrgLife.Services;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Pages.Appraisals;

/// <summary>
/// A branch's appraisal: the committee enters the vote counts and grades (at most one third 优秀, none for
/// probationary members) and publishes the results to the branch; members see them once published.
/// </summary>
public sealed class EditModel(OrgLifeDbContext db, MeetingAccess access, Roster roster, IAgencyClock clock, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty] public List<EntryInput> Entries { get; set; } = [];
    [BindProperty] public AppraisalStage Stage { get; set; }
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
        Version = Appraisal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } result) return result;
        if (!Keeps) return NotFound();
        var a = Appraisal;
        if (a.Stage == AppraisalStage.Published) return RedirectToPage(new { id });
        if (!Enum.IsDefined(Stage)) ModelState.AddModelError(nameof(Stage), text["Choose a stage."]);
        var grades = new List<(AppraisalGrade?, bool)>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var input = Entries[i];
            var entry = a.Entries.FirstOrDefault(e => e.Id == input.Id);
            if (entry is null) return NotFound();
            if (new[] { input.Excellent, input.Qualified, input.BasicallyQualified, input.Unqualified }.Any(v => v is < 0 or > 500))
                ModelState.AddModelError($"Entries[{i}].Excellent", text["Vote counts are whole numbers from 0 to 500."]);
            if (input.Grade is { } g && !Enum.IsDefined(g)) ModelState.AddModelError($"Entries[{i}].Grade", text["Choose a grade."]);
            if (entry.IsProbationary && input.Grade is not null) ModelState.AddModelError($"Entries[{i}].Grade", AppraisalRules.Check([(input.Grade, true)])!);
            grades.Add((input.Grade, entry.IsProbationary));
        }
        // Only the grades of members in this appraisal count (a forged row would have failed above).
        if (grades.Count != a.Entries.Count) ModelState.AddModelError("", text["Every participant must be on the form."]);
        var rule = Stage == AppraisalStage.Published ? AppraisalRules.CheckComplete(grades) : AppraisalRules.Check(grades);
        if (rule is not null) ModelState.AddModelError("", rule);
        if (!ModelState.IsValid) return Page();
        db.Entry(a).Property(x => x.Version).OriginalValue = Version;
        foreach (var input in Entries)
        {
            var e = a.Entries.First(x => x.Id == input.Id);
            e.VotesExcellent = input.Excellent ?? 0;
            e.VotesQualified = input.Qualified ?? 0;
            e.VotesBasicallyQualified = input.BasicallyQualified ?? 0;
            e.VotesUnqualified = input.Unqualified ?? 0;
            e.Grade = e.IsProbationary ? null : input.Grade;
        }
        a.Stage = Stage;
        if (Stage == AppraisalStage.Published) a.PublishedAtUtc = clock.UtcNow.UtcDateTime;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(Stage == AppraisalStage.Published ? text["The results are published to the branch."] : text["Saved."], null, new { id });
    }
}
