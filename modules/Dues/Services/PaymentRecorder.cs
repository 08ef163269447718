
namespace Modular.Modules.Dues.Services;

/// <summary>Records a payment that keeps to the rules: the payment and each month it covers, in one save, with its receipt number.</summary>
public sealed class PaymentRecorder(DuesDbContext db, DuesLedger ledger, DuesAccess access, IAgencyClock clock)
{
    public sealed record Outcome(DuesPayment? Payment, IReadOnlyList<Problem> Problems);

    public async Task<Outcome> RecordAsync(MemberInfo member, int branch, PaymentLine line, bool fromStatement, CancellationToken ct = default)
    {
        var dues = await ledger.ForAsync(member, branch, ct);
        var problems = PaymentRules.Check(line, dues.Schedule, dues.Paid, clock.Today);
        if (problems.Count > 0) return new(null, problems);
        var payment = new DuesPayment
        {
            MemberId = member.Id, OrganizationId = branch, PaidOn = line.PaidOn!.Value, FirstMonth = Months.Of(line.FirstMonth!.Value),
            MonthCount = line.MonthCount!.Value, Amount = line.Amount!.Value, Mode = line.Mode, Channel = line.Channel,
            ApprovedOn = line.Mode == PaymentMode.Monthly ? null : line.ApprovedOn, ProxyName = line.Mode == PaymentMode.Proxy ? line.ProxyName?.Trim() : null,
            FromStatement = fromStatement, RecordedByMemberId = await access.MeAsync(ct), RecordedAt = clock.UtcNow.UtcDateTime,
        };
        payment.Months = Months.Range(payment.FirstMonth, payment.MonthCount)
            .Select(m => new PaidMonth { MemberId = member.Id, OrganizationId = branch, Month = m, Amount = dues.Schedule.Owed(m) ?? 0m }).ToList();
        db.Payments.Add(payment);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another collector recorded one of these months in the meantime (the unique month per member).
            db.ChangeTracker.Clear();
            return new(null, [new Problem("FirstMonth", "One of these months was recorded by someone else just now: reload the page.")]);
        }
        payment.ReceiptNo = ReceiptNumber(payment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(payment, []);
    }

    public static string ReceiptNumber(DuesPayment p) => $"DF{p.PaidOn.Year}-{p.Id:D6}";
}
