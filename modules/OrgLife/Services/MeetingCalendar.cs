using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Modular.Modules.OrgLife.Services;

/// <summary>A member's planned meetings as an iCalendar feed (RFC 5545, written by Ical.Net).</summary>
public sealed class MeetingCalendar(OrgLifeDbContext db, Roster roster)
{
    public const string TimeZone = "Asia/Shanghai";

    public async Task<string> ForMemberAsync(int memberId, DateOnly from, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.Date >= from && m.Attendees.Any(a => a.MemberId == memberId))
            .OrderBy(m => m.Date).Take(200).ToListAsync(ct);
        var calendar = new Calendar { ProductId = "-//Modular//org-life//ZH" };
        calendar.AddProperty("X-WR-CALNAME", "组织生活");
        foreach (var m in meetings)
        {
            var e = new CalendarEvent
            {
                Uid = $"org-life-meeting-{m.AgencyId}-{m.Id}",
                Summary = $"{m.Type.Zh()}：{m.Topic}",
                Location = m.Place,
                Description = $"{await roster.OrganizationNameAsync(m.BranchId, ct)} · 主持人：{await roster.NameAsync(m.HostMemberId, ct)}",
            };
            if (m.StartTime is { } t)
            {
                e.DtStart = new CalDateTime(m.Date, t, TimeZone);
                e.Duration = Duration.FromHours(2);
            }
            else
            {
                e.DtStart = new CalDateTime(m.Date);
            }
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
