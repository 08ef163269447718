using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.OrgLife.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;
using Modular.Modules.OrgLife.Services;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>Records a meeting as held: attendance (present, on leave with a reason, absent), minutes, the votes and optional attachments.</summary>
public sealed class RecordModel(OrgLifeDbContext db, MeetingAccess access, Roster roster, MeetingPlanner planner, MeetingAttachments attachments, IStringLocalizer<OrgLifeModule> text) : PageModel
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
        Meeting = meeting;
        await roster.PreloadAsync([meeting.BranchId], ct);
        foreach (var a in meeting.Attendees) Names[a.MemberId] = await roster.NameAsync(a.MemberId, ct);
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
        if (meeting.Date > DateOnly.FromDateTime(DateTime.Today))
            ModelState.AddModelError("", text["The meeting's date is still to come: it can be recorded on or after the day."]);
        var rows = Rows.Where(r => meeting.Attendees.Any(a => a.MemberId == r.MemberId)).GroupBy(r => r.MemberId).Select(g => g.First()).ToList();
        if (rows.Count != meeting.Attendees.Count) ModelState.AddModelError("", text["Record the attendance of every expected attendee."]);
        for (var i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            if (r.Attendance is not (Attendance.Present or Attendance.Leave or Attendance.Absent))
                ModelState.AddModelError($"Rows[{i}].Attendance", text["Choose present, on leave or absent."]);
            if (r.Attendance == Attendance.Leave && string.IsNullOrWhiteSpace(r.LeaveReason))
                ModelState.AddModelError($"Rows[{i}].LeaveReason", text["Enter the reason for the leave."]);
            if (r.LeaveReason?.Trim().Length > 200) ModelState.AddModelError($"Rows[{i}].LeaveReason", text["The reason can be at most 200 characters."]);
        }
        if (Minutes?.Trim().Length > 8000) ModelState.AddModelError(nameof(Minutes), text["The minutes can be at most 8000 characters."]);
        if (string.IsNullOrWhiteSpace(Minutes)) ModelState.AddModelError(nameof(Minutes), text["Enter the minutes."]);

        // The rules read the attendance as it is being recorded.
        var facts = rows.Select(r =>
        {
            var a = meeting.Attendees.First(x => x.MemberId == r.MemberId);
            return new AttendanceFact(r.Attendance, a.CanVote, a.IsCommitteeMember);
        }).ToList();
        var decisions = new List<MeetingDecision>();
        for (var i = 0; i < Decisions.Count; i++)
        {
            var d = Decisions[i];
            var blank = string.IsNullOrWhiteSpace(d.Subject) && d.For is null && d.Against is null && d.Abstain is null;
            if (blank) continue;
            if (string.IsNullOrWhiteSpace(d.Subject)) { ModelState.AddModelError($"Decisions[{i}].Subject", text["Enter what was voted on."]); continue; }
            if (d.Subject.Trim().Length > 200) ModelState.AddModelError($"Decisions[{i}].Subject", text["The subject can be at most 200 characters."]);
            var vote = new VoteFact(d.Subject.Trim(), d.For ?? 0, d.Against ?? 0, d.Abstain ?? 0);
            if (MeetingRules.VoteError(meeting.Type, facts, vote) is { } error) ModelState.AddModelError($"Decisions[{i}].For", error);
            decisions.Add(new MeetingDecision { Subject = vote.Subject, VotesFor = vote.For, VotesAgainst = vote.Against, Abstentions = vote.Abstain });
        }
        var uploads = await attachments.ReadAsync(Attachments, ModelState, nameof(Attachments), ct);
        if (!ModelState.IsValid)
        {
            while (Decisions.Count(d => string.IsNullOrWhiteSpace(d.Subject)) < 1) Decisions.Add(new DecisionInput());
            return Page();
        }
        db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
        await planner.SyncAttendeesAsync(meeting, ct); // refresh who may vote, as the roster stands today
        foreach (var r in rows)
        {
            if (meeting.Attendees.FirstOrDefault(a => a.MemberId == r.MemberId) is not { } a) continue;
            a.Attendance = r.Attendance;
            a.LeaveReason = r.Attendance == Attendance.Leave ? r.LeaveReason!.Trim() : null;
        }
        meeting.Decisions.Clear();
        meeting.Decisions.AddRange(decisions);
        meeting.Minutes = Minutes!.Trim();
        meeting.Status = MeetingStatus.Held;
        meeting.RecordedAtUtc = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", text["Someone else changed this meeting while you were editing. Reload the page and make your change again."]);
            return Page();
        }
        await attachments.SaveAsync(meeting.Id, uploads, ct);
        var warnings = MeetingPlanner.Warnings(meeting);
        TempData["Message"] = warnings.Count == 0 ? text["The meeting is recorded."].Value : text["The meeting is recorded, with warnings: see below."].Value;
        return RedirectToPage("Details", new { id });
    }
}
