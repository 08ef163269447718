namespace Modular.Modules.Elections.Pages;

/// <summary>What the module's pages share: how a term and a step read (words and colour together).</summary>
public static class Ui
{
    public static string Tone(TermState state) => state switch
    {
        TermState.Overdue => "danger",
        TermState.Due => "warning",
        TermState.Current => "good",
        _ => "neutral",
    };

    public static string Tone(ElectionStage stage) => stage switch
    {
        ElectionStage.Completed => "good",
        ElectionStage.Cancelled => "neutral",
        ElectionStage.NotApproved => "warning",
        _ => "info",
    };
}
