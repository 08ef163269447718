namespace Modular.Modules.Dues.Pages;

/// <summary>What the module's pages share: how arrears read (words and colour together) and how money is written.</summary>
public static class Ui
{
    public static string Tone(ArrearsLevel level) => level switch
    {
        ArrearsLevel.Flagged => "danger",
        ArrearsLevel.Warning => "warning",
        ArrearsLevel.Behind => "info",
        _ => "good",
    };

    public static string Words(ArrearsLevel level) => level switch
    {
        ArrearsLevel.Flagged => "6 months in a row unpaid",
        ArrearsLevel.Warning => "3 months or more unpaid",
        ArrearsLevel.Behind => "Behind",
        _ => "Paid up",
    };

    /// <summary>Yuan with two decimals: 30.01.</summary>
    public static string Yuan(decimal? amount) => amount is { } a ? a.ToString("0.00") : "—";

    public static string Month(DateOnly? month) => month is { } m ? Months.Text(m) : "—";
}
