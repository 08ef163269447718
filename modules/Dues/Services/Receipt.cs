namespace Modular.Modules.Dues.Services;

/// <summary>What a receipt says, once for the page and the Word document.</summary>
public static class Receipt
{
    public static IReadOnlyList<(string Label, string Value)> Lines(DuesPayment p, string member, string branch, string collector, IStringLocalizer T)
    {
        var months = p.MonthCount == 1 ? Months.Text(p.FirstMonth) : $"{Months.Text(p.FirstMonth)} — {Months.Text(p.FirstMonth.AddMonths(p.MonthCount - 1))}";
        var lines = new List<(string, string)>
        {
            (T["Receipt number"], p.ReceiptNo), (T["Member"], member), (T["Branch"], branch), (T["Months paid for"], $"{months}（{T["{0} month(s)", p.MonthCount]}）"),
            (T["Amount (yuan)"], p.Amount.ToString("0.00")), (T["Date of payment"], p.PaidOn.ToString("yyyy-MM-dd")),
            (T["Channel"], T[DuesLabels.Channel(p.Channel)] + (p.Mode == PaymentMode.Monthly ? "" : " · " + T[DuesLabels.Mode(p.Mode)])),
        };
        if (p.ProxyName is { } proxy) lines.Add((T["Paid by (proxy)"], proxy));
        if (collector.Length > 0) lines.Add((T["Received by"], collector));
        // A copy carried with a transfer: the money was received by the sending agency, not here.
        if (p.CarriedFrom is { } from) lines.Add((T["Carried in"], T["Paid in {0} and carried in with the member's transfer.", from]));
        return lines;
    }

    public static WordDocument Document(DuesPayment p, string member, string branch, string collector, IStringLocalizer T)
    {
        var doc = new WordDocument(T["Dues receipt"]) { Subtitle = T["No. {0}", p.ReceiptNo] };
        doc.Table([T["Item"], T["Content"]], Lines(p, member, branch, collector, T).Select(l => (IReadOnlyList<string>)[l.Label, l.Value]));
        doc.Signature(branch, p.PaidOn);
        return doc;
    }
}
