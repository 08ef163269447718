namespace Modular.Modules.Dues.Services;

/// <summary>
/// Demo data for one agency: bases for last year and this year (retirees in a retirees' branch, a few members on the
/// flat 0.2 yuan, some bases on the rate boundaries), a year of monthly payments up to last month, some members behind
/// (one or two months, three or four, and one seven months in a row), one hardship exemption, the collectors of each branch
/// (its secretary and organisation commissioner), money handed up each quarter and last year's publication. The same
/// seed and day always give the same data.
/// </summary>
public sealed class DuesSeeder(DuesDbContext db, DuesAccess access, IDirectory directory, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => DuesModule.Id;

    private static readonly decimal[] Boundaries = [3000m, 3000.01m, 5000m, 5000.01m, 10000m, 10000.01m];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Bases.AnyAsync(ct)) return;
        var random = new Random(seed);
        var today = clock.Today;
        var thisYear = today.Year;
        var current = Months.Of(today);
        var firstMonth = new DateOnly(thisYear - 1, 1, 1);
        var orgs = (await directory.GetOrganizationsAsync(ct)).ToDictionary(o => o.Id);
        var payers = (await access.AllPayersAsync(ct)).OrderBy(p => p.Member.Id).ToList();
        if (payers.Count == 0) return;

        // Collectors: the secretary and the organisation commissioner of each branch.
        var posts = await directory.GetAllPostsAsync(ct);
        foreach (var branch in orgs.Values.Where(o => o.Kind == OrganizationKind.Branch))
            foreach (var holder in posts.Where(p => p.OrganizationId == branch.Id && p.Post is CommitteePost.OrganizationCommissioner or CommitteePost.Secretary)
                         .Select(p => p.MemberId).Distinct())
                db.Collectors.Add(new DuesCollector { OrganizationId = branch.Id, MemberId = holder });

        var boundary = 0;
        var hardshipDone = false;
        var behind = new Dictionary<int, int>();
        // Who falls behind: every 9th member one or two months, every 17th three or four, one member six months in a row.
        for (var i = 0; i < payers.Count; i++)
        {
            if (i == payers.Count / 2) behind[payers[i].Member.Id] = 7;
            else if (i % 17 == 5) behind[payers[i].Member.Id] = 3 + random.Next(2);
            else if (i % 9 == 3) behind[payers[i].Member.Id] = 1 + random.Next(2);
        }
        var payments = new List<DuesPayment>();
        foreach (var (member, branch) in payers)
        {
            var retired = orgs.TryGetValue(branch, out var o) && o.Name.Contains("离退休");
            var category = retired ? DuesCategory.Retired : random.Next(40) == 0 ? DuesCategory.Student : DuesCategory.Employed;
            decimal? Base(int year) => category == DuesCategory.Student ? null
                : boundary < Boundaries.Length && year == thisYear && category == DuesCategory.Employed ? Boundaries[boundary++]
                : retired ? 3000m + random.Next(0, 60) * 100m
                : 2800m + random.Next(0, 100) * 100m + random.Next(0, 2) * 50m;
            var bases = new List<DuesBase>();
            foreach (var year in new[] { thisYear - 1, thisYear })
            {
                var value = Base(year);
                bases.Add(new DuesBase
                {
                    MemberId = member.Id, Year = year, Category = category, Base = value, Rate = DuesRates.Rate(category, value ?? 0m),
                    Monthly = DuesRates.Monthly(category, value), UpdatedAt = clock.UtcNow.UtcDateTime,
                });
            }
            db.Bases.AddRange(bases);
            var hardships = new List<DuesHardship>();
            if (!hardshipDone && category == DuesCategory.Employed && !behind.ContainsKey(member.Id))
            {
                hardshipDone = true;
                hardships.Add(new DuesHardship
                {
                    MemberId = member.Id, Year = thisYear, FromMonth = new DateOnly(thisYear, 1, 1), Kind = HardshipKind.Exempt,
                    Reason = "家庭成员患重病，经济十分困难，本人申请免交党费。", BranchAgreedOn = new DateOnly(thisYear - 1, 12, 10),
                    ApprovedOn = new DateOnly(thisYear - 1, 12, 20), ApprovedBy = "机关党委",
                });
                db.Hardships.AddRange(hardships);
            }
            var schedule = DuesLedger.ScheduleOf(member, bases, hardships);
            var stopBefore = behind.TryGetValue(member.Id, out var gap) ? current.AddMonths(-gap) : current;
            var quarterly = random.Next(12) == 0;
            var months = Months.From(firstMonth, stopBefore.AddMonths(-1)).Where(m => schedule.Owed(m) is > 0m).ToList();
            foreach (var chunk in quarterly ? months.Chunk(3) : months.Chunk(1))
            {
                var paidOn = chunk[0].AddDays(random.Next(3, 25));
                if (paidOn > today) paidOn = today;
                var payment = new DuesPayment
                {
                    MemberId = member.Id, OrganizationId = branch, PaidOn = paidOn, FirstMonth = chunk[0], MonthCount = chunk.Length,
                    Amount = chunk.Sum(m => schedule.Owed(m)!.Value), Mode = quarterly ? PaymentMode.Quarterly : PaymentMode.Monthly,
                    Channel = random.Next(3) switch { 0 => PaymentChannel.Cash, 1 => PaymentChannel.WeChat, _ => PaymentChannel.Bank },
                    ApprovedOn = quarterly ? firstMonth.AddDays(-20) : null, RecordedAt = clock.UtcNow.UtcDateTime,
                    Months = chunk.Select(m => new PaidMonth { MemberId = member.Id, OrganizationId = branch, Month = m, Amount = schedule.Owed(m)!.Value }).ToList(),
                };
                payments.Add(payment);
            }
        }
        db.Payments.AddRange(payments);
        await db.SaveChangesAsync(ct);
        foreach (var p in payments) p.ReceiptNo = PaymentRecorder.ReceiptNumber(p);

        // Handed up each quarter of last year and this year so far; some kept for members' education.
        var received = payments.GroupBy(p => (p.PaidOn.Year, Quarter: (p.PaidOn.Month - 1) / 3)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        foreach (var ((year, quarter), sum) in received.OrderBy(r => r.Key))
        {
            var date = new DateOnly(year, quarter * 3 + 1, 1).AddMonths(3).AddDays(9);
            if (date > today) continue;
            db.Uses.Add(new DuesUse { Date = date, Kind = UseKind.HandedUp, Amount = DuesRates.Round(sum * 0.8m), Note = $"{year}年第{quarter + 1}季度党费上缴" });
        }
        db.Uses.Add(new DuesUse { Date = new DateOnly(thisYear - 1, 7, 1), Kind = UseKind.Kept, Amount = 1200m, Note = "“七一”走访慰问老党员、困难党员" });
        db.Publications.Add(new DuesPublication { Year = thisYear - 1, PublishedOn = new DateOnly(thisYear, 1, 20), Note = "经机关党委会议审议，现将上年度党费收缴、使用和管理情况公布如下。" });
        await db.SaveChangesAsync(ct);
    }
}
