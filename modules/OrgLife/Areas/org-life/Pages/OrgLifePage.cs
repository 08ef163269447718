using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>What the module's pages share: the page title with its breadcrumb trail, and how states look.</summary>
public static class PageUi
{
    /// <summary>Sets the title and the SDK's breadcrumb trail "组织生活 › parents › title" (the host's layout renders it).</summary>
    public static void SetTitle(this ViewDataDictionary viewData, IStringLocalizer text, string title, params (string Text, string? Url)[] parents)
    {
        viewData["Title"] = title;
        var trail = viewData.Breadcrumbs().Add(text["Organisational life"], OrgLifeModule.Links.Home);
        foreach (var (parentText, url) in parents) trail.Add(parentText, url);
        trail.Add(title);
    }

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

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");
}
