namespace Modular.Modules.Volunteer.Services;

/// <summary>
/// Volunteer service in the monthly report, from finished activities and the hours recorded at check-out: activities,
/// the members who served and their hours. People and hours count where the member belongs, so a branch's report holds
/// its members' service in any activity of the agency.
/// </summary>
public sealed class VolunteerReportSection(VolunteerDbContext db, PeopleLookup people, IStringLocalizer<VolunteerModule> T) : IReportSection
{
    public string ModuleId => VolunteerModule.Id;
    public int Order => 30;
    public string? Permission => VolunteerModule.ViewPermission;

    public async Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Finished && a.StartsAt >= start && a.StartsAt < end)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
        var ids = activities.Select(a => a.Id).ToList();
        var served = await db.SignUps.AsNoTracking()
            .Where(s => ids.Contains(s.ActivityId) && s.Status == SignUpStatus.Accepted && s.Hours != null)
            .Select(s => new { s.ActivityId, s.MemberId, Hours = s.Hours!.Value }).ToListAsync(ct);
        var members = await people.NamesAsync(served.Select(s => s.MemberId), ct);
        var ours = served.Where(s => scope.IsAgencyWide || (members.TryGetValue(s.MemberId, out var m) && scope.Includes(m.OrganizationId))).ToList();
        var shown = activities.Where(a => scope.Includes(a.OrganizationId) || ours.Any(s => s.ActivityId == a.Id)).ToList();
        var organised = activities.Count(a => scope.Includes(a.OrganizationId));

        var hours = ours.Sum(s => s.Hours);
        var participants = ours.Select(s => s.MemberId).Distinct().Count();
        var content = new ReportSectionContent(new LocalizedText("志愿服务", "Volunteer service"))
        {
            Note = scope.IsAgencyWide ? null : new LocalizedText("参与人数和服务时长按党员所在组织统计，含参加全单位其他活动的时长。",
                "People and hours count where the member belongs, including service in other activities of the agency."),
        };
        content.Figures.Add(new ReportFigure(new LocalizedText("组织开展活动", "Activities organised"), organised, new LocalizedText("次", "times"), organised > 0 ? Tone.Good : Tone.Neutral));
        content.Figures.Add(new ReportFigure(new LocalizedText("参与党员", "Members who served"), participants, new LocalizedText("人", "people")));
        content.Figures.Add(new ReportFigure(new LocalizedText("服务时长", "Hours of service"), hours, new LocalizedText("小时", "hours"), hours > 0 ? Tone.Good : Tone.Neutral));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var a in shown)
        {
            var mine = ours.Where(s => s.ActivityId == a.Id).ToList();
            rows.Add([a.StartsAt.ToString("yyyy-MM-dd"), a.Title, T[Labels.Kind(a.Kind)], a.Place,
                a.OrganizationId is { } org ? await people.OrganizationNameAsync(org, ct) : T["The whole agency"],
                mine.Select(s => s.MemberId).Distinct().Count().ToString(), mine.Sum(s => s.Hours).ToString("0.#")]);
        }
        content.Tables.Add(new ReportTable(new LocalizedText("志愿服务活动", "Activities"),
            [new("日期", "Date"), new("活动", "Activity"), new("类型", "Kind"), new("地点", "Place"), new("组织单位", "Organised by"),
                new("参与人数", "People"), new("服务时长（小时）", "Hours")], rows));
        return content;
    }
}
