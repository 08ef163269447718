using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>Records a meeting as held: attendance (present, on leave with a reason, absent), minutes, the votes and optional attachments.</summary>
public sealed class RecordModel(OrgLifeDbContext db, OrgLifeAccess access, PeopleLookup people, MeetingRecorder recorder, MeetingAttachments attachments,
    IStringLocalizer<OrgLifeModule> text) : PageModel
{
    public const int BlankDecisions = 2;

    [BindProperty] public List<AttendanceInput> Rows { get; set; } = [];
    [BindProperty] public List<DecisionInput> Decisions { get; set; } = [];
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public long Version { get; set; }
    /// <summary>Optional photos and scans (never required: photo evidence is always optional).</summary>
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];
    public FileRules FileRules => attachments.Rules;

    public Meeting Meeting { get; private set; } = new();
    public Dictionary<int, string> Names { get; } = [];

    public sealed class AttendanceInput
    {
        public int MemberId { get; set; }
        public Attendance Attendance { get; set; }
        public string? LeaveReason { get; set; }
    }

    public sealed class DecisionInput
    {
        public string? Subject { get; set; }
        public int? For { get; set; }
        public int? Against { get; set; }
        public int? Abstain { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = db.Meetings.Include(m => m.Attendees).Include(m => m.Decisions).AsSplitQuery();
        var meeting = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await access.CanRecordAsync(meeting.BranchId, ct)) return NotFound();
        if (meeting.Status == MeetingStatus.Cancelled) return RedirectToPage("Details", new { id });
        await recorder.PrepareAsync(meeting, ct);
        Meeting = meeting;
        var names = await people.NamesAsync(meeting.Attendees.Select(a => a.MemberId), ct);
        foreach (var a in meeting.Attendees) Names[a.MemberId] = names.GetValueOrDefault(a.MemberId)?.Name ?? "—";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } result) return result;
        Rows = Meeting.Attendees.OrderBy(a => Names[a.MemberId]).Select(a => new AttendanceInput
        {
            MemberId = a.MemberId,
            // Unrecorded rows start as present: most people come, the secretary marks the exceptions.
            Attendance = a.Attendance == Attendance.Expected ? Attendance.Present : a.Attendance,
            LeaveReason = a.LeaveReason,
        }).ToList();
        Decisions = Meeting.Decisions.Select(d => new DecisionInput { Subject = d.Subject, For = d.VotesFor, Against = d.VotesAgainst, Abstain = d.Abstentions }).ToList();
        Decisions.AddRange(Enumerable.Range(0, BlankDecisions).Select(_ => new DecisionInput()));
        Minutes = Meeting.Minutes;
        Version = Meeting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } result) return result;
        var meeting = Meeting;
        var record = recorder.Check(meeting,
            Rows.Select(r => new AttendanceLine(r.MemberId, r.Attendance, r.LeaveReason)).ToList(),
            Decisions.Select(d => new DecisionLine(d.Subject, d.For, d.Against, d.Abstain)).ToList(), Minutes);
        ModelState.AddProblems(record.Problems, text);
        var uploads = await attachments.ReadAsync(Attachments, ModelState, nameof(Attachments), ct);
        if (!ModelState.IsValid)
        {
            while (Decisions.Count(d => string.IsNullOrWhiteSpace(d.Subject)) < 1) Decisions.Add(new DecisionInput());
            return Page();
        }
        db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
        // The record and its files commit together: a crash between two commits would leave a held meeting without the
        // photos its secretary sent (or, the other way round, photos of a meeting still planned).
        recorder.Record(meeting, record);
        if (!await attachments.SaveWithRecordAsync(db, c => this.TrySaveAsync(db, c), () => meeting.Id, uploads, ct)) return Page();
        var warnings = MeetingPlanner.Warnings(meeting);
        return this.RedirectWithMessage(warnings.Count == 0 ? text["The meeting is recorded."] : text["The meeting is recorded, with warnings: see below."], "Details", new { id });
    }
}
