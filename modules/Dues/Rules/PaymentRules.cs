using Modular.Modules.Dues.Domain;
using Modular.Sdk;

namespace Modular.Modules.Dues.Rules;

/// <summary>A payment as the collector types it.</summary>
/// <param name="PaidOn">The day the money was received.</param>
/// <param name="FirstMonth">The first month it covers.</param>
/// <param name="MonthCount">How many months in a row it covers.</param>
/// <param name="Amount">The yuan received.</param>
/// <param name="ApprovedOn">The day the branch approved quarterly or proxy payment, if it did.</param>
/// <param name="ProxyName">Who paid on the member's behalf (代缴人), for proxy payment.</param>
public sealed record PaymentLine(DateOnly? PaidOn, DateOnly? FirstMonth, int? MonthCount, decimal? Amount, PaymentMode Mode, PaymentChannel Channel,
    DateOnly? ApprovedOn, string? ProxyName);

/// <summary>
/// What a payment must keep to: dues are paid monthly and in full; paying ahead (quarterly, to the end of the quarter) or
/// by someone else (代缴) needs the branch's approval; a month owed can be paid back for at most 6 months (the month of
/// payment less 6; older months are for the office to decide, as six months unpaid is treated as leaving the Party);
/// a month is paid once; nothing can be paid for a year without a base.
/// </summary>
public static class PaymentRules
{
    /// <summary>How many months before the month of payment can still be paid back.</summary>
    public const int MaxBackMonths = 6;
    public const int MaxMonths = 12;
    public const int MaxProxyName = 50;

    /// <param name="line">The payment.</param>
    /// <param name="schedule">What the member owes per month.</param>
    /// <param name="paid">The months paid already.</param>
    /// <param name="today">Today in the agency.</param>
    /// <returns>The problems; none when the payment may be recorded.</returns>
    public static List<Problem> Check(PaymentLine line, DuesSchedule schedule, IReadOnlySet<DateOnly> paid, DateOnly today)
    {
        var problems = new List<Problem>();
        if (line.PaidOn is not { } paidOn) problems.Add(new("PaidOn", "Enter the date of payment."));
        else if (paidOn > today) problems.Add(new("PaidOn", "The date of payment cannot be in the future."));
        else if (paidOn.Year < 2000) problems.Add(new("PaidOn", "Enter a date from the year 2000 on."));
        if (line.FirstMonth is null) problems.Add(new("FirstMonth", "Choose the first month paid for."));
        if (line.MonthCount is not (>= 1 and <= MaxMonths)) problems.Add(new("MonthCount", "A payment covers 1 to {0} months.", MaxMonths));
        if (line.Amount is not { } amount || amount <= 0) problems.Add(new("Amount", "Enter the amount received."));
        else if (amount != decimal.Round(amount, 2)) problems.Add(new("Amount", "Enter the amount in yuan with at most two decimals."));

        if (line.Mode != PaymentMode.Monthly)
        {
            if (line.ApprovedOn is not { } approved) problems.Add(new("ApprovedOn", "Quarterly or proxy payment needs the branch's approval: enter its date."));
            else if (line.PaidOn is { } p && approved > p) problems.Add(new("ApprovedOn", "The branch's approval comes before the payment."));
        }
        var proxy = line.ProxyName?.Trim();
        if (line.Mode == PaymentMode.Proxy && string.IsNullOrEmpty(proxy)) problems.Add(new("ProxyName", "Enter who paid on the member's behalf."));
        else if (proxy is { Length: > MaxProxyName }) problems.Add(new("ProxyName", "At most {0} characters.", MaxProxyName));
        if (problems.Count > 0 || line.PaidOn is not { } on || line.FirstMonth is not { } firstMonth || line.MonthCount is not { } count) return problems;

        var first = Months.Of(firstMonth);
        var months = Months.Range(first, count).ToList();
        var paymentMonth = Months.Of(on);
        var last = months[^1];
        if (schedule.FirstMonth is { } joined && first < joined)
            return [new("FirstMonth", "Dues are owed from the month of admission, {0}.", Months.Text(joined))];
        if (Months.Between(first, paymentMonth) > MaxBackMonths)
            return [new("FirstMonth", "At most {0} months can be paid back: the earliest month for a payment on {1:yyyy-MM-dd} is {2}.", MaxBackMonths, on, Months.Text(paymentMonth.AddMonths(-MaxBackMonths)))];
        if (last > paymentMonth)
        {
            if (line.Mode != PaymentMode.Quarterly)
                return [new("MonthCount", "Months after the month of payment are paid ahead: that is quarterly payment, with the branch's approval.")];
            if (last > Months.QuarterEnd(paymentMonth))
                return [new("MonthCount", "Quarterly payment covers months up to the end of the quarter, {0}.", Months.Text(Months.QuarterEnd(paymentMonth)))];
        }
        if (months.FirstOrDefault(paid.Contains) is var twice && twice != default)
            return [new("FirstMonth", "{0} is paid already.", Months.Text(twice))];
        if (months.FirstOrDefault(m => !schedule.HasBase(m)) is var noBase && noBase != default)
            return [new("FirstMonth", "No dues base is recorded for {0}: the Party office enters it first.", noBase.Year)];
        var owed = months.Sum(m => schedule.Owed(m) ?? 0m);
        if (owed == 0m) return [new("FirstMonth", "Nothing is owed for these months (exempt).")];
        if (line.Amount != owed) return [new("Amount", "Dues are paid in full: {0} month(s) come to {1:0.00} yuan.", count, owed)];
        return [];
    }
}
