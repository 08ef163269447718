using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>
/// 双重组织生活: each leading cadre's attendance at their own branch's meetings this year, for the Party
/// office only (computed from the attendance records).
/// </summary>
public sealed class CadresModel(OrgLifeDbContext db, ICurrentMember member, Roster roster, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }

    public sealed record Row(MemberInfo Cadre, string Branch, int Expected, int Present, int Leave, int Absent);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await member.GetScopeAsync(ct)).AgencyWide) return NotFound();
        Year ??= clock.Today.Year;
        if (Year is < 2000 or > 2100) return BadRequest();
        var first = new DateOnly(Year.Value, 1, 1);
        var last = new DateOnly(Year.Value, 12, 31);
        var cadres = new List<MemberInfo>();
        foreach (var b in await roster.BranchesAsync(ct)) cadres.AddRange((await roster.PartyMembersAsync(b.Id, ct)).Where(m => m.IsLeadingCadre));
        var ids = cadres.Select(c => c.Id).ToList();
        var counts = await (from a in db.Attendees.AsNoTracking()
                            join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                            where ids.Contains(a.MemberId) && m.Status == MeetingStatus.Held && m.Date >= first && m.Date <= last
                            group a by new { a.MemberId, a.Attendance } into g
                            select new { g.Key.MemberId, g.Key.Attendance, Count = g.Count() }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var c in cadres)
        {
            int Of(Attendance at) => counts.Where(x => x.MemberId == c.Id && x.Attendance == at).Sum(x => x.Count);
            var present = Of(Attendance.Present);
            var leave = Of(Attendance.Leave);
            var absent = Of(Attendance.Absent);
            rows.Add(new Row(c, await roster.OrganizationNameAsync(c.OrganizationId, ct), present + leave + absent, present, leave, absent));
        }
        Rows = rows.OrderBy(r => r.Expected == 0 ? 0 : (double)r.Present / r.Expected).ThenBy(r => r.Cadre.Name).ToList();
        return Page();
    }
}
