using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>The module's home: what is due for me, my coming meetings, and my attendance this year.</summary>
public sealed class IndexModel(OrgLifeDbContext db, DueMeetings due, OrgLifeAccess access, ICurrentMember member, Roster roster, IAgencyClock clock) : PageModel
{
    public IReadOnlyList<DueItem> Items { get; private set; } = [];
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];
    public IReadOnlyDictionary<Attendance, int> MyAttendance { get; private set; } = new Dictionary<Attendance, int>();
    public bool IsMember { get; private set; }
    public bool Records { get; private set; }
    public Roster Roster => roster;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = (await due.ItemsAsync(ct)).OrderByDescending(i => i.Overdue).ThenBy(i => i.Due).ToList();
        Upcoming = await due.MyUpcomingAsync(ct);
        Records = await access.RecordsAnyAsync(ct);
        if ((await member.GetScopeAsync(ct)).OwnMemberId is { } me)
        {
            IsMember = true;
            var from = new DateOnly(clock.Today.Year, 1, 1);
            MyAttendance = await db.Attendees.AsNoTracking()
                .Where(a => a.MemberId == me && db.Meetings.Any(m => m.Id == a.MeetingId && m.Status == MeetingStatus.Held && m.Date >= from))
                .GroupBy(a => a.Attendance).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }
    }
}
