using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Civilization.Pages.Practice;

/// <summary>
/// Records a practice-point activity. While the volunteer or org-life module is on, one of its activities or held
/// meetings can be linked instead of re-entered (its title, date and place fill the empty fields, and its attendance is
/// the number of participants); only the kind, id and a snapshot are stored.
/// </summary>
[RequirePermission(CivilizationModule.ManagePermission)]
public sealed class EditModel(CivilizationDbContext db, ISharedRecords shared, IAgencyClock clock, IStringLocalizer<CivilizationModule> T) : PageModel
{
    public const string VolunteerActivity = SharedRecordKinds.VolunteerActivity;
    /// <summary>The kinds a practice activity links, in the picker's order.</summary>
    public static readonly string[] LinkKinds = [SharedRecordKinds.VolunteerActivity, SharedRecordKinds.OrgLifeMeeting];

    public sealed class Form
    {
        public PracticeKind Kind { get; set; } = PracticeKind.PolicyTalk;
        public string? Title { get; set; }
        public DateOnly? Date { get; set; }
        public string? Place { get; set; }
        public string? Summary { get; set; }
        public string? Participants { get; set; }
        /// <summary>The chosen record as "kind:id" (a bare id is a volunteer activity); empty unlinks (only when the picker was shown).</summary>
        public string? LinkId { get; set; }
        public bool LinkShown { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public PracticeActivity? Existing { get; private set; }
    /// <summary>Null when no source of linkable records is on for the agency (the picker is not shown).</summary>
    public IReadOnlyList<SharedRecord>? Choices { get; private set; }
    /// <summary>The kinds that answer now, with their names (the picker's groups).</summary>
    public IReadOnlyList<SharedRecordKind> Kinds { get; private set; } = [];
    public SharedRecord? CurrentLink { get; private set; }

    /// <summary>The picker's value of a record.</summary>
    public static string LinkValue(string kind, string id) => kind + ":" + id;

    private static (string Kind, string Id)? ParseLink(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        var colon = v.LastIndexOf(':');
        return colon < 0 ? (VolunteerActivity, v) : (v[..colon], v[(colon + 1)..]);
    }

    private async Task<bool> LoadAsync(bool track, CancellationToken ct)
    {
        if (Id is not null)
        {
            Existing = await (track ? db.PracticeActivities : db.PracticeActivities.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == Id, ct);
            if (Existing is null) return false;
        }
        Kinds = shared.AvailableKinds().Where(k => LinkKinds.Contains(k.Kind)).OrderBy(k => Array.IndexOf(LinkKinds, k.Kind)).ToList();
        if (Kinds.Count > 0)
        {
            var today = clock.Today;
            var choices = new List<SharedRecord>();
            foreach (var kind in Kinds)
                choices.AddRange(await shared.SearchAsync(kind.Kind, new SharedRecordQuery(today.AddYears(-1), today.AddMonths(3), Take: 100), ct));
            if (Existing is { LinkedKind: { } linkedKind, LinkedId: { } linked } && shared.IsAvailable(linkedKind))
            {
                CurrentLink = (await shared.GetAsync(linkedKind, [linked], ct)).GetValueOrDefault(linked);
                if (CurrentLink is not null && !choices.Any(c => c.Kind == linkedKind && c.Id == linked)) choices.Insert(0, CurrentLink);
            }
            Choices = choices;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct)) return NotFound();
        Input = Existing is { } p
            ? new Form { Kind = p.Kind, Title = p.Title, Date = p.Date, Place = p.Place, Summary = p.Summary, Participants = p.Participants?.ToString(), LinkId = p.LinkedKind is { } k && p.LinkedId is { } i ? LinkValue(k, i) : null, Version = p.Version }
            // No date filled in: a linked record fills the fields left empty, so a default of today would hide its date.
            : new Form();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct)) return NotFound();
        var dateUnreadable = ModelState["Input.Date"] is { Errors.Count: > 0 };
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        SharedRecord? link = null;
        var chosen = ParseLink(Input.LinkId);
        if (Choices is not null && Input.LinkShown && chosen is { Kind: var linkKind, Id: var linkId })
        {
            if (Kinds.Any(k => k.Kind == linkKind))
                link = Choices.FirstOrDefault(c => c.Kind == linkKind && c.Id == linkId) ?? (await shared.GetAsync(linkKind, [linkId], ct)).GetValueOrDefault(linkId);
            // A linked record the source no longer offers (cancelled, say) keeps its stored snapshot.
            if (link is null && KeepsStoredLink(linkKind, linkId))
                link = new SharedRecord(linkKind, linkId, Existing!.LinkedTitle ?? "", Existing.LinkedDate ?? Existing.Date);
        }
        var typed = new PracticeLine(Input.Kind, Input.Title, Input.Date, dateUnreadable, Input.Place, Input.Summary, Input.Participants);
        var filled = PracticeRules.Filled(typed, link?.Title, link?.Date, link?.Place);
        // A record posted that the picker does not offer (another agency's, or its module since turned off) is refused.
        var linkRefused = Input.LinkShown && chosen is not null && link is null;
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
        // Enter once: a linked record's attendance is the number of participants (kept as its snapshot).
        activity.Participants = PracticeRules.ParticipantsFrom(link?.Attendance) ?? checkedForm.Participants;
        // Without the picker (both sources off) an existing link is kept as it is.
        if (Choices is not null && Input.LinkShown)
        {
            activity.LinkedKind = link?.Kind;
            activity.LinkedId = link?.Id;
            activity.LinkedTitle = link?.Title;
            activity.LinkedDate = link?.Date;
        }
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Index");
    }

    /// <summary>The stored link, which the picker offers as it is when its source no longer finds it.</summary>
    public bool KeepsStoredLink(string? kind, string? id) => id is not null && Existing is { LinkedKind: { } k } e && k == kind && e.LinkedId == id;

    /// <summary>Participants come from the current link's attendance (the field is then read-only).</summary>
    public int? LinkedParticipants => PracticeRules.ParticipantsFrom(CurrentLink?.Attendance);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct) || Existing is null) return NotFound();
        db.PracticeActivities.Remove(Existing);
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(T["Activity removed."], "Index");
    }
}
