namespace Modular.Modules.Dues.Services;

/// <summary>
/// The member's dues go with them to another agency of the portal (SDK <see cref="IMemberMovedHandler"/>): their bases,
/// hardship decisions (with their evidence files) and months paid are carried to the receiving agency, marked as carried,
/// so that the month dues are paid to is known there and nothing is asked twice. The payments stay in the sending agency's
/// figures (the money was received there) and count in none of the receiver's. Within an agency nothing moves: payments
/// count for the branch the member paid in, and the ledger follows the member to the new branch.
/// </summary>
public sealed class DuesMover(DuesDbContext db, IFileStore files, HardshipAttachments hardshipFiles) : IMemberMovedHandler
{
    public string ModuleId => DuesModule.Id;

    public async Task MovedAsync(MemberMove move, CancellationToken cancellationToken)
    {
        if (move.IsWithinAgency) return;
        var ct = cancellationToken;
        var bases = await db.Bases.AsNoTracking().Where(b => b.MemberId == move.FromMemberId).OrderBy(b => b.Year).ToListAsync(ct);
        var hardships = await db.Hardships.AsNoTracking().Where(h => h.MemberId == move.FromMemberId).OrderBy(h => h.Id).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Include(p => p.Months).Where(p => p.MemberId == move.FromMemberId).OrderBy(p => p.Id).ToListAsync(ct);
        if (bases.Count == 0 && hardships.Count == 0 && payments.Count == 0) return;
        var schedule = DuesLedger.ScheduleOf(null, bases, hardships);
        var paid = payments.SelectMany(p => p.Months).Select(m => m.Month).ToHashSet();
        var paidThrough = ArrearsRules.Assess(schedule, paid, move.Date).PaidThrough;

        var hardshipCopies = hardships.Select(h => new DuesHardship
        {
            MemberId = move.ToMemberId, Year = h.Year, FromMonth = h.FromMonth, Kind = h.Kind, ReducedAmount = h.ReducedAmount, Reason = h.Reason,
            BranchAgreedOn = h.BranchAgreedOn, ApprovedOn = h.ApprovedOn, ApprovedBy = h.ApprovedBy,
        }).ToList();
        using (move.AsReceivingAgency())
        {
            db.Bases.AddRange(bases.Select(b => new DuesBase
            {
                MemberId = move.ToMemberId, Year = b.Year, Category = b.Category, Base = b.Base, Rate = b.Rate, Monthly = b.Monthly, GoodReason = b.GoodReason,
                UpdatedAt = b.UpdatedAt,
            }));
            db.Hardships.AddRange(hardshipCopies);
            db.Payments.AddRange(payments.Select(p => new DuesPayment
            {
                MemberId = move.ToMemberId, OrganizationId = move.ToOrganizationId, PaidOn = p.PaidOn, FirstMonth = p.FirstMonth, MonthCount = p.MonthCount,
                Amount = p.Amount, Mode = p.Mode, Channel = p.Channel, ApprovedOn = p.ApprovedOn, ProxyName = p.ProxyName, ReceiptNo = p.ReceiptNo,
                RecordedAt = p.RecordedAt, CarriedFrom = Limit(p.CarriedFrom ?? move.FromAgencyName),
                Months = p.Months.OrderBy(m => m.Month).Select(m => new PaidMonth
                {
                    MemberId = move.ToMemberId, OrganizationId = move.ToOrganizationId, Month = m.Month, Amount = m.Amount, Carried = true,
                }).ToList(),
            }));
            db.Moves.Add(new DuesMove
            {
                TransferId = move.TransferId, MemberId = move.ToMemberId, Direction = DuesMoveDirection.In, OtherAgency = Limit(move.FromAgencyName)!,
                Date = move.Date, PaidThrough = paidThrough, MonthsCarried = paid.Count,
            });
            await db.SaveChangesAsync(ct);
        }
        // The sending agency keeps the payments it received, and notes where the member's dues went.
        db.Moves.Add(new DuesMove
        {
            TransferId = move.TransferId, MemberId = move.FromMemberId, Direction = DuesMoveDirection.Out, OtherAgency = Limit(move.ToAgencyName)!,
            Date = move.Date, PaidThrough = paidThrough, MonthsCarried = paid.Count,
        });
        await db.SaveChangesAsync(ct);
        // The evidence follows the decisions it supports.
        var keys = hardships.Zip(hardshipCopies).ToDictionary(p => hardshipFiles.OwnerKey(p.First.Id), p => hardshipFiles.OwnerKey(p.Second.Id));
        await files.MoveAllAsync(DuesModule.Id, keys, move, db, ct);
    }

    private static string? Limit(string? name) => name is { Length: > 200 } ? name[..200] : name;
}
