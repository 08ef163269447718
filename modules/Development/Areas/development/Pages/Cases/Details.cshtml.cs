using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages.Cases;

/// <summary>
/// A person's timeline: the steps done, the next step with its earliest and latest date, the deadline, and (for those
/// who work on the case) the form that records a step. The person and their mentors and sponsors read it; notes and the
/// review's conclusion only those who work on it. Anyone else, and any other agency, gets 404.
/// </summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class DetailsModel(DevelopmentDbContext db, DevelopmentAccess access, CaseRecorder recorder, PeopleLookup people, IDirectory directory,
    StepAttachments attachments, VoteMeetings meetings, IAgencyClock clock, IStringLocalizer<DevelopmentModule> T) : PageModel
{
    public sealed class VoteInput
    {
        public int? Entitled { get; set; }
        public int? Present { get; set; }
        public int? For { get; set; }
        public int? Against { get; set; }
        public int? Abstain { get; set; }
    }

    public sealed class StepInput
    {
        public int Step { get; set; }
        public DateOnly? Date { get; set; }
        public int? ActorId { get; set; }
        public string? Note { get; set; }
        public List<int?> Mentors { get; set; } = [];
        public List<int?> Sponsors { get; set; } = [];
        public string? Conclusion { get; set; }
        public decimal? TrainingDays { get; set; }
        public decimal? TrainingHours { get; set; }
        public VoteInput Vote { get; set; } = new();
        public ProbationOutcome? Outcome { get; set; }
        public int? ExtensionMonths { get; set; }
        /// <summary>The org-life meeting where the vote happened (a shared record id), if linked.</summary>
        public string? MeetingId { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public StepInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public DevelopmentCase Case { get; private set; } = null!;
    public MemberInfo? Person { get; private set; }
    public string BranchName { get; private set; } = "";
    public CaseHistory History { get; private set; } = CaseHistory.Empty;
    public NextStep? Next { get; private set; }
    public Deadline? Deadline { get; private set; }
    public IReadOnlyList<int> Allowed { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyList<CaseHelper> Helpers { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> FilesByStep { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();
    public IReadOnlyList<MemberInfo> FullMembers { get; private set; } = [];
    public IReadOnlyList<MemberInfo> PartyMembers { get; private set; } = [];
    /// <summary>Org-life meetings the vote can be linked to (empty when org-life does not answer).</summary>
    public IReadOnlyList<SharedRecord> Meetings { get; private set; } = [];
    public FileRules FileRules => attachments.Rules;
    public DateOnly Today => clock.Today;
    /// <summary>The step the form records.</summary>
    public StepDefinition? FormStep => CanManage && Allowed.Contains(Input.Step) ? Steps.Get(Input.Step) : null;

    public async Task<IActionResult> OnGetAsync(int id, int? step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Step = step is { } s && Allowed.Contains(s) ? s : Next?.Step ?? 0;
        Input.Date = Today;
        Input.Version = Case.Version;
        if (FormStep?.Fields.HasFlag(StepFields.Vote) == true)
            Input.Vote.Entitled = await directory.CountMembersAsync(MemberQuery.Voters with { OrganizationId = Case.OrganizationId }, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanManage) return NotFound();
        var uploads = await attachments.ReadAsync(Files, ModelState, nameof(Files), ct);
        MeetingLink? meeting = null;
        if (!string.IsNullOrWhiteSpace(Input.MeetingId))
        {
            if (await meetings.FindAsync(Input.MeetingId.Trim(), Case.OrganizationId, ct) is { } found)
            {
                // The meeting's record says who was due and present: not typed again.
                meeting = found.Link;
                Input.Date ??= meeting.Date;
                Input.Vote.Entitled = found.Entitled ?? Input.Vote.Entitled;
                Input.Vote.Present = found.Present ?? Input.Vote.Present;
            }
            else ModelState.AddModelError("Input.MeetingId", T["Choose a meeting from the list."]);
        }
        if (ModelState.IsValid)
        {
            var entry = new StepEntry(Input.Step, Input.Date, Ids(Input.Mentors), Ids(Input.Sponsors), Input.Conclusion, Input.TrainingDays, Input.TrainingHours,
                new VoteFigures(Input.Vote.Entitled, Input.Vote.Present, Input.Vote.For, Input.Vote.Against, Input.Vote.Abstain),
                Input.Outcome, Input.ExtensionMonths, Input.Note, meeting);
            var tracked = await db.Cases.Include(c => c.Steps).FirstAsync(c => c.Id == id, ct);
            var result = await recorder.RecordAsync(tracked, Input.Version, entry, Input.ActorId, uploads, ct);
            if (result.CaseId is not null)
                return result.Problems.Count == 0
                    ? this.RedirectWithMessage(T["Step {0} recorded.", Input.Step], "/Cases/Details", new { id })
                    : this.RedirectWithError(string.Join(" ", result.Problems.Select(p => T[p.Message, p.Args].Value)), "/Cases/Details", new { id });
            ModelState.AddProblems(result.Problems, T, "Input.", firstPerField: true);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A file of one of the case's steps.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var stepIds = await db.Steps.AsNoTracking().Where(s => s.CaseId == id).Select(s => s.Id).ToListAsync(ct);
        return await attachments.OpenAsync(stepIds, file, ct) is { } content ? File(content.Content, content.Info.ContentType, content.Info.FileName) : NotFound();
    }

    private static List<int> Ids(IEnumerable<int?> ids) => ids.OfType<int>().Where(i => i > 0).ToList();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await (await access.VisibleAsync(ct)).Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return false;
        Case = found;
        CanManage = await access.CanManageAsync(found, ct);
        History = CaseRecorder.HistoryOf(found.Steps);
        Next = Deadlines.Next(History);
        Deadline = Deadlines.Of(History);
        Allowed = History.AllowedNext();
        Helpers = await db.Helpers.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Role).ThenBy(h => h.Id).ToListAsync(ct);
        Names = await people.NamesAsync(found.Steps.Select(s => s.ActorMemberId).Append(found.MemberId).Concat(Helpers.Select(h => (int?)h.MemberId)), ct);
        Person = Names.GetValueOrDefault(found.MemberId);
        BranchName = await people.OrganizationNameAsync(found.OrganizationId, ct);
        FilesByStep = await attachments.ListAsync(found.Steps.Select(s => s.Id).ToList(), ct);
        if (CanManage && Allowed.Any(s => Steps.Get(s).Fields.HasFlag(StepFields.Vote)))
            Meetings = await meetings.BetweenAsync(found.OrganizationId, History.Last?.Date ?? Today.AddYears(-1), Today, ct);
        if (CanManage)
        {
            PartyMembers = await people.PartyMembersAsync(ct);
            FullMembers = PartyMembers.Where(m => Roster.IsFullMember(m) && m.Id != found.MemberId).ToList();
        }
        return true;
    }
}
