namespace Modular.Modules.Integrity.Pages.Talks;

/// <summary>Records or corrects an integrity talk (those who may see talks).</summary>
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, PeopleLookup people, ICurrentMember currentMember, TalkLog log, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class TalkForm
    {
        public TalkKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public int? TalkerMemberId { get; set; }
        public int? TalkeeMemberId { get; set; }
        public string? Summary { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public TalkForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return NotFound();
        if (Id is not null)
        {
            // The form shows the summary: a view like any other, audited.
            var t = await log.ViewAsync(Id.Value, ct);
            if (t is null) return NotFound();
            Input = new TalkForm { Kind = t.Kind, Date = t.Date, TalkerMemberId = t.TalkerMemberId, TalkeeMemberId = t.TalkeeMemberId, Summary = t.Summary, Version = t.Version };
        }
        else
        {
            Input.Date = clock.Today;
            Input.TalkerMemberId = await currentMember.IdAsync(ct);
        }
        await LoadChoicesAsync(access, people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return NotFound();
        IntegrityTalk? existing = null;
        if (Id is not null && (existing = await db.Talks.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var badDate = BadDate("Input.Date");
        foreach (var key in new[] { "Input.Date", "Input.TalkerMemberId", "Input.TalkeeMemberId" }) ModelState.Remove(key);
        Input.Summary = Input.Summary?.Trim();
        var onRoster = await access.OnRosterAsync([Input.TalkerMemberId, Input.TalkeeMemberId], ct);
        ModelState.AddProblems(TalkRules.Check(new(Input.Date, badDate, Input.TalkerMemberId, Input.TalkeeMemberId, Input.Summary), clock.Today, onRoster), T, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        var talk = existing ?? db.Talks.Add(new IntegrityTalk()).Entity;
        if (existing is not null) db.Entry(talk).Property(t => t.Version).OriginalValue = Input.Version;
        talk.Kind = Input.Kind;
        talk.Date = Input.Date!.Value;
        talk.TalkerMemberId = Input.TalkerMemberId!.Value;
        talk.TalkeeMemberId = Input.TalkeeMemberId!.Value;
        talk.Summary = Input.Summary!;
        if (!await this.TrySaveAsync(db, ct))
        {
            await LoadChoicesAsync(access, people, ct);
            return Page();
        }
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = talk.Id });
    }
}
