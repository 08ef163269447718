using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>What the module's pages share: a meeting's title and breadcrumb, and how states look.</summary>
public static class PageUi
{
    /// <summary>A page about one meeting (record, cancel): "组织生活 › 会议 › meeting › title".</summary>
    public static void SetMeetingTitle(this ViewDataDictionary viewData, IStringLocalizer text, string title, Meeting meeting, IUrlHelper url) =>
        viewData.SetTitle(title, (text["Meetings"], url.Page("/Meetings/Index")), (meeting.Heading(), url.Page("/Meetings/Details", new { id = meeting.Id })));

    /// <summary>How a meeting is named in titles and breadcrumbs: "type：topic".</summary>
    public static string Heading(this Meeting meeting) => $"{meeting.Type.Label()}：{meeting.Topic}";

    public static string Css(this MeetingStatus s) => s switch
    {
        MeetingStatus.Held => "status-good",
        MeetingStatus.Cancelled => "status-neutral",
        _ => "status-info",
    };

    public static string Css(this Attendance a) => a switch
    {
        Attendance.Present => "status-good",
        Attendance.Leave => "status-warning",
        Attendance.Absent => "status-danger",
        _ => "status-neutral",
    };

    public static string Css(this PeriodState s) => s switch
    {
        PeriodState.Held => "status-good",
        PeriodState.Due => "status-info",
        PeriodState.Overdue => "status-danger",
        _ => "status-neutral",
    };

    public static string Label(this PeriodState s, IStringLocalizer text) => s switch
    {
        PeriodState.Held => text["Held"],
        PeriodState.Due => text["Due"],
        PeriodState.Overdue => text["Overdue"],
        PeriodState.Upcoming => text["Not yet due"],
        _ => text["Not required"],
    };

    /// <summary>A secretary's Party lecture is given, not convened: 已讲, 尚未讲, 逾期未讲.</summary>
    public static string LectureLabel(this PeriodState s, IStringLocalizer text) => s switch
    {
        PeriodState.Held => text["Lecture given"],
        PeriodState.Due => text["Lecture not yet given"],
        PeriodState.Overdue => text["Lecture overdue"],
        _ => s.Label(text),
    };

    /// <summary>The year's democratic appraisal is done, not convened: 结果已公布, 尚未完成, 逾期.</summary>
    public static string AppraisalLabel(this PeriodState s, IStringLocalizer text) => s switch
    {
        PeriodState.Held => text["Results published"],
        PeriodState.Due => text["Not yet done"],
        _ => s.Label(text),
    };

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A theme Party day (not cancelled) away from its branch's fixed day; null for other meetings.</summary>
    public static ThemeDayMove? MoveOf(this Meeting m, Func<int, int> themeDays) =>
        m.Type == MeetingType.ThemePartyDay && m.Status != MeetingStatus.Cancelled ? CadenceRules.MoveOf(m.Date, themeDays(m.BranchId)) : null;
}
