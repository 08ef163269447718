namespace Modular.Modules.Transfers.Pages;

/// <summary>What the module's pages share: the colour of a state (words beside it always).</summary>
public static class Ui
{
    public static string Tone(TransferState state) => state switch
    {
        TransferState.Accepted => "good",
        TransferState.Returned => "warning",
        TransferState.Cancelled => "neutral",
        _ => "info",
    };

    public static string Tone(LetterStatus status) => status switch
    {
        LetterStatus.SlipReturned => "good",
        LetterStatus.Cancelled or LetterStatus.Reissued => "neutral",
        _ => "info",
    };
}
