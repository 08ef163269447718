namespace Modular.Modules.Transfers.Services;

/// <summary>
/// Demo records from the directory's demo roster: a letter for each member the roster shows as transferred out (the
/// oldest past its validity without a slip, a pocket member; the others with their slips back), and a registry entry
/// for each mobile or out-of-contact member, with the attempts to reach those out of contact.
/// </summary>
public sealed class TransfersSeeder(TransfersDbContext db, IDirectory directory, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => TransfersModule.Id;

    private static readonly string[] Places = ["广东省深圳市南山区", "上海市浦东新区", "浙江省杭州市西湖区", "江苏省苏州市工业园区", "北京市海淀区"];
    private static readonly string[] Destinations = ["中共XX省发展和改革委员会机关委员会", "中共XX市XX区委组织部", "中共XX大学委员会组织部"];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        if (await db.Letters.AnyAsync(cancellationToken) || await db.MobileMembers.AnyAsync(cancellationToken)) return;
        var today = clock.Today;
        var random = new Random(seed);
        var gone = (await directory.FindMembersAsync(new MemberQuery(Situations: [MemberSituation.TransferredOut]), cancellationToken))
            .OrderBy(m => m.SituationSince).ToList();
        var sequence = 0;
        for (var i = 0; i < gone.Count; i++)
        {
            var issued = gone[i].SituationSince ?? today.AddMonths(-4);
            var letter = new Letter
            {
                Year = issued.Year, Sequence = ++sequence, MemberId = gone[i].Id, OrganizationId = gone[i].OrganizationId,
                Destination = Destinations[i % Destinations.Length], IssuedOn = issued, ValidUntil = Validity.LastDay(issued, Validity.DefaultMonths),
                DuesPaidThrough = DuesMonth.LastDay(issued.AddMonths(-1)), Status = LetterStatus.Issued,
            };
            if (i > 0) (letter.Status, letter.SlipReceivedOn, letter.SlipNote) = (LetterStatus.SlipReturned, issued.AddDays(12), "接收党组织已盖章");
            db.Letters.Add(letter);
        }
        var away = await directory.FindMembersAsync(new MemberQuery(Situations: [MemberSituation.Mobile, MemberSituation.LostContact]), cancellationToken);
        foreach (var m in away)
        {
            var since = m.SituationSince ?? today.AddMonths(-6);
            var lost = m.Situation == MemberSituation.LostContact;
            var entry = new MobileMember
            {
                MemberId = m.Id, Place = Places[random.Next(Places.Length)], Contact = lost ? null : "本人手机（见花名册）",
                ManagingOrganization = lost ? null : "流入地街道党工委", CertificateNumber = lost ? null : $"LD{today.Year}{m.Id:0000}",
                CertificateIssuedOn = lost ? null : since, Since = lost ? since.AddMonths(-8) : since, LostContactSince = lost ? since : null,
            };
            if (lost)
            {
                entry.Attempts.Add(new ContactAttempt { Date = since.AddDays(7), Way = ContactWay.Phone, Result = "电话停机" });
                entry.Attempts.Add(new ContactAttempt { Date = since.AddDays(30), Way = ContactWay.ThroughOthers, Result = "联系家属，称已多月未联系" });
            }
            db.MobileMembers.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
