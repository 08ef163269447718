using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Practice;

/// <summary>
/// Records a practice-point activity. While the volunteer module is on, one of its activities can be linked instead of
/// re-entered (its title, date and place fill the empty fields); only the kind, id and a snapshot are stored.
/// </summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, ISharedRecords shared, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public const string VolunteerActivity = "volunteer.activity";

    public sealed class Form
    {
        public PracticeKind Kind { get; set; } = PracticeKind.PolicyTalk;
        public string? Title { get; set; }
        public DateOnly? Date { get; set; }
        public string? Place { get; set; }
        public string? Summary { get; set; }
        public string? Participants { get; set; }
        /// <summary>The chosen volunteer activity's id; empty unlinks (only when the picker was shown).</summary>
        public string? LinkId { get; set; }
        public bool LinkShown { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public PracticeActivity? Existing { get; private set; }
    /// <summary>Null when no source of volunteer activities is on for the agency (the picker is not shown).</summary>
    public IReadOnlyList<SharedRecord>? Choices { get; private set; }
    public SharedRecord? CurrentLink { get; private set; }

    private async Task<bool> LoadAsync(bool track, CancellationToken ct)
    {
        if (Id is not null)
        {
            Existing = await (track ? db.PracticeActivities : db.PracticeActivities.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == Id, ct);
            if (Existing is null) return false;
        }
        if (shared.IsAvailable(VolunteerActivity))
        {
            var today = clock.Today;
            var choices = (await shared.SearchAsync(VolunteerActivity, new SharedRecordQuery(today.AddYears(-1), today.AddMonths(3), Take: 100), ct)).ToList();
            if (Existing is { LinkedKind: VolunteerActivity, LinkedId: { } linked })
            {
                CurrentLink = (await shared.GetAsync(VolunteerActivity, [linked], ct)).GetValueOrDefault(linked);
                if (CurrentLink is not null && choices.All(c => c.Id != linked)) choices.Insert(0, CurrentLink);
            }
            Choices = choices;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct)) return NotFound();
        Input = Existing is { } p
            ? new Form { Kind = p.Kind, Title = p.Title, Date = p.Date, Place = p.Place, Summary = p.Summary, Participants = p.Participants?.ToString(), LinkId = p.LinkedKind == VolunteerActivity ? p.LinkedId : null, Version = p.Version }
            // No date filled in: a linked volunteer activity fills the fields left empty, so a default of today would hide its date.
            : new Form();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct)) return NotFound();
        var dateUnreadable = ModelState["Input.Date"] is { Errors.Count: > 0 };
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        SharedRecord? link = null;
        var linkId = Input.LinkId?.Trim();
        if (Choices is not null && Input.LinkShown && !string.IsNullOrEmpty(linkId))
        {
            link = Choices.FirstOrDefault(c => c.Id == linkId) ?? (await shared.GetAsync(VolunteerActivity, [linkId], ct)).GetValueOrDefault(linkId);
            // A linked activity the source no longer offers (cancelled, say) keeps its stored snapshot.
            if (link is null && KeepsStoredLink(linkId)) link = new SharedRecord(VolunteerActivity, linkId, Existing!.LinkedTitle ?? "", Existing.LinkedDate ?? Existing.Date);
        }
        var typed = new PracticeLine(Input.Kind, Input.Title, Input.Date, dateUnreadable, Input.Place, Input.Summary, Input.Participants);
        var filled = PracticeRules.Filled(typed, link?.Title, link?.Date, link?.Place);
        var linkRefused = Choices is not null && Input.LinkShown && !string.IsNullOrEmpty(linkId) && link is null;
        var checkedForm = PracticeRules.Check(filled, linkRefused);
        ModelState.AddProblems(checkedForm.Problems, T, "Input.");
        if (!ModelState.IsValid) return Page();
        var activity = Existing ?? new PracticeActivity();
        if (Existing is null) db.PracticeActivities.Add(activity);
        else if (Existing.Version != Input.Version)
        {
            ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
            return Page();
        }
        else db.Entry(activity).Property(p => p.Version).OriginalValue = Input.Version;
        activity.Kind = Input.Kind;
        activity.Title = filled.Title!;
        activity.Date = filled.Date!.Value;
        activity.Place = string.IsNullOrEmpty(filled.Place) ? null : filled.Place;
        activity.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
        activity.Participants = checkedForm.Participants;
        // Without the picker (the volunteer module off) an existing link is kept as it is.
        if (Choices is not null && Input.LinkShown)
        {
            activity.LinkedKind = link is null ? null : VolunteerActivity;
            activity.LinkedId = link?.Id;
            activity.LinkedTitle = link?.Title;
            activity.LinkedDate = link?.Date;
        }
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Index");
    }

    /// <summary>The stored link, which the picker offers as it is when its source no longer finds it.</summary>
    public bool KeepsStoredLink(string? id) => id is not null && Existing is { LinkedKind: VolunteerActivity } e && e.LinkedId == id;

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct) || Existing is null) return NotFound();
        db.PracticeActivities.Remove(Existing);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Activity removed."], "Index");
    }
}
