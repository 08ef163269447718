using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Elections.Pages;

/// <summary>
/// One election: the plan, the request and the reply (dated, files optional), the candidates, the meeting and its count,
/// and the result. Those who run the organisation's elections record; its members read; anyone else, and any other
/// agency, gets 404.
/// </summary>
[RequirePermission(ElectionsModule.ViewPermission)]
public sealed class DetailsModel(ElectionsDbContext db, ElectionAccess access, ElectionRecorder recorder, ElectionMeetings meetings, IDirectory directory,
    PeopleLookup people, StepFiles stepFiles, IAgencyClock clock, IStringLocalizer<ElectionsModule> T) : PageModel
{
    public sealed class StepInput
    {
        public StepKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public bool? Approved { get; set; }
        public string? Note { get; set; }
    }

    public sealed class MeetingInput
    {
        /// <summary>The org-life members' meeting where it happened (a shared record id), if linked.</summary>
        public string? MeetingId { get; set; }
        public DateOnly? Date { get; set; }
        public int? Present { get; set; }
        public Dictionary<int, int?> Votes { get; set; } = [];
        public Dictionary<int, CommitteePost?> Posts { get; set; } = [];
    }

    [BindProperty] public StepInput Step { get; set; } = new();
    [BindProperty] public MeetingInput Meeting { get; set; } = new();
    [BindProperty] public int? CandidateId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Election Election { get; private set; } = null!;
    public OrganizationInfo? Organization { get; private set; }
    public ElectionStage Stage { get; private set; }
    public ElectionDue? Due { get; private set; }
    public bool CanRun { get; private set; }
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyList<MemberInfo> Eligible { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> FilesByStep { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();
    public IReadOnlyList<SharedRecord> Meetings { get; private set; } = [];
    public int EntitledToday { get; private set; }
    public FileRules FileRules => stepFiles.Rules;
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step.Kind = Stage == ElectionStage.Reply ? StepKind.Reply : StepKind.Request;
        Step.Date = Today;
        // The meeting most often happened on its planned day.
        Meeting.Date = Election.PlannedOn <= Today ? Election.PlannedOn : null;
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        var uploads = await stepFiles.ReadAsync(Files, ModelState, nameof(Files), ct);
        if (!ModelState.IsValid) return Invalid();
        var result = await recorder.RecordStepAsync(Election, Version, Step.Kind, Step.Date, Step.Approved, Step.Note, uploads, ct);
        return await Done(id, result, "Step.", Step.Kind == StepKind.Request ? T["The request is recorded."] : T["The reply is recorded."], ct);
    }

    public async Task<IActionResult> OnPostAddCandidateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        return await Done(id, await recorder.AddCandidateAsync(Election, CandidateId, ct), "", T["Saved."], ct);
    }

    public async Task<IActionResult> OnPostRemoveCandidateAsync(int id, int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        return await Done(id, await recorder.RemoveCandidateAsync(Election, memberId, ct), "", T["Saved."], ct);
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        if (!ModelState.IsValid) return Invalid();
        var result = await recorder.RecordMeetingAsync(Election, Version, Meeting.Date, Meeting.Present, Meeting.MeetingId, Meeting.Votes, Meeting.Posts, ct);
        return await Done(id, result, "Meeting.", T["The election is recorded: the new committee and its term are in the directory."], ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanRun) return NotFound();
        return await Done(id, await recorder.CancelAsync(Election, Version, ct), "", T["The election is cancelled."], ct);
    }

    /// <summary>A file of the election's request or reply.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await stepFiles.OpenAsync(Election.Steps.Select(s => s.Id).ToList(), file, ct) is { } content
            ? File(content.Content, content.Info.ContentType, content.Info.FileName) : NotFound();
    }

    private async Task<IActionResult> Done(int id, Outcome result, string prefix, string message, CancellationToken ct)
    {
        if (result.Succeeded) return this.RedirectWithMessage(message, "/Details", new { id });
        // Problems of the whole election (the directory's refusal, a stale version) go to the summary, the rest beside their field.
        ModelState.AddProblems(result.Problems.Where(p => p.Field == ""), T);
        ModelState.AddProblems(result.Problems.Where(p => p.Field != ""), T, prefix, firstPerField: true);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var visible = (await access.VisibleOrganizationsAsync(ct)).ToList();
        var found = await db.Elections.Include(e => e.Candidates).Include(e => e.Steps)
            .FirstOrDefaultAsync(e => e.Id == id && visible.Contains(e.OrganizationId), ct);
        if (found is null) return false;
        Election = found;
        Organization = await directory.GetOrganizationAsync(found.OrganizationId, ct);
        CanRun = await access.RunsAsync(found.OrganizationId, ct);
        var dates = TermOverview.Dates(found);
        Stage = ElectionDeadlines.Stage(dates);
        Due = ElectionDeadlines.Of(dates);
        if (!ModelState.ContainsKey(nameof(Version))) Version = found.Version;
        Names = await people.NamesAsync(found.Candidates.Select(c => c.MemberId).Concat(found.Steps.Select(s => s.RecordedByMemberId ?? 0)), ct);
        FilesByStep = await stepFiles.ListAsync(found.Steps.Select(s => s.Id).ToList(), ct);
        if (CanRun && found.Status == ElectionStatus.Open)
        {
            Eligible = (await directory.FindMembersAsync(MemberQuery.Voters with { OrganizationId = found.OrganizationId }, ct))
                .Where(m => found.Candidates.All(c => c.MemberId != m.Id)).ToList();
            EntitledToday = (await meetings.EntitledAsync(found.OrganizationId, Today, ct)).Count;
            if (Stage == ElectionStage.Meeting)
                Meetings = await meetings.BetweenAsync(found.OrganizationId, found.RepliedOn ?? Today.AddYears(-1), Today, ct);
        }
        return true;
    }
}
