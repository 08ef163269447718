namespace Modular.Modules.Development.Pages;

/// <summary>What the module's pages share: how a deadline reads (words and colour together).</summary>
public static class Ui
{
    public static string Tone(DueState state) => state switch
    {
        DueState.Late => "danger",
        DueState.Overdue => "danger",
        DueState.Soon => "warning",
        _ => "info",
    };

    public static string Words(DueState state) => state switch
    {
        DueState.Late => "Over 6 months",
        DueState.Overdue => "Overdue",
        DueState.Soon => "Due soon",
        _ => "To do",
    };

    public static string Tone(CaseStatus status) => status switch
    {
        CaseStatus.Completed => "good",
        CaseStatus.Cancelled => "neutral",
        _ => "info",
    };
}
