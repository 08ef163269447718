using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Meetings;

/// <summary>Cancels a planned meeting, with the reason (kept on the record).</summary>
public sealed class CancelModel(OrgLifeDbContext db, OrgLifeAccess access, MeetingNotices notices, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Version { get; set; }
    public Meeting Meeting { get; private set; } = new();

    private async Task<Meeting?> FindAsync(int id, CancellationToken ct)
    {
        var m = await db.Meetings.Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is not null && await access.CanRecordAsync(m.BranchId, ct) ? m : null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } m) return NotFound();
        if (m.Status != MeetingStatus.Planned) return RedirectToPage("Details", new { id });
        Meeting = m;
        Version = m.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } m) return NotFound();
        if (m.Status != MeetingStatus.Planned) return RedirectToPage("Details", new { id });
        Meeting = m;
        if (MeetingPlanRules.CancelReasonProblem(Reason) is { } problem) ModelState.AddModelError(nameof(Reason), text[problem]);
        if (!ModelState.IsValid) return Page();
        db.Entry(m).Property(x => x.Version).OriginalValue = Version;
        m.Status = MeetingStatus.Cancelled;
        m.CancelReason = Reason!.Trim();
        if (!await this.TrySaveAsync(db, ct)) return Page();
        await notices.CancelledAsync(m, Url.Page("Details", new { id }), ct);
        return this.RedirectWithMessage(text["The meeting is cancelled."], "Details", new { id });
    }
}
