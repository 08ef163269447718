using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>A meeting's plan or record, with the quorum and vote warnings of a held meeting.</summary>
public sealed class DetailsModel(OrgLifeDbContext db, OrgLifeAccess access, Roster roster, MeetingAttachments attachments, OrgLifeSettings settings) : PageModel
{
    public Meeting Meeting { get; private set; } = new();
    public bool CanRecord { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<AttendanceFact> Facts { get; private set; } = [];
    public Roster Roster => roster;
    public string BranchName { get; private set; } = "";
    public string? GroupName { get; private set; }
    public IReadOnlyList<StoredFileInfo> Attachments { get; private set; } = [];
    /// <summary>A theme Party day away from the branch's fixed day.</summary>
    public ThemeDayMove? Moved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await (await access.VisibleAsync(db.Meetings.AsNoTracking(), ct))
            .Include(m => m.Attendees).Include(m => m.Decisions).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        CanRecord = await access.CanRecordAsync(meeting.BranchId, ct);
        Warnings = MeetingPlanner.Warnings(meeting);
        Facts = MeetingPlanner.Facts(meeting.Attendees);
        await roster.PreloadAsync([meeting.BranchId], ct);
        BranchName = await roster.OrganizationNameAsync(meeting.BranchId, ct);
        if (meeting.GroupId is { } g) GroupName = await roster.OrganizationNameAsync(g, ct);
        Attachments = await attachments.ListAsync(meeting.Id, ct);
        Moved = meeting.MoveOf(await settings.ThemeDaysAsync(ct));
        return Page();
    }

    /// <summary>Removes an attachment: for those who can record the meeting's branch.</summary>
    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int file, CancellationToken ct)
    {
        var meeting = await (await access.VisibleAsync(db.Meetings.AsNoTracking(), ct)).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await access.CanRecordAsync(meeting.BranchId, ct) || !await attachments.RemoveAsync(meeting.Id, file, ct)) return NotFound();
        return RedirectToPage(new { id });
    }
}
