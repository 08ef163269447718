using Bogus;

namespace Modular.Modules.Volunteer.Services;

/// <summary>
/// Demo data for one agency: paired communities and an assisted village with contacts and a co-building log,
/// a year of finished activities with sign-ups, attendance and hours, a few open ones and one cancelled.
/// The same seed and day always give the same data.
/// </summary>
public sealed class VolunteerSeeder(VolunteerDbContext db, IDirectory directory, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => VolunteerModule.Id;

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Partners.AnyAsync(ct) || await db.Activities.AnyAsync(ct)) return;
        var orgs = await directory.GetOrganizationsAsync(ct);
        var branches = orgs.Where(o => o.Kind == OrganizationKind.Branch).ToList();
        if (branches.Count == 0) return;
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var today = clock.Today;

        var partners = SeedPartners(faker, today);
        await db.SaveChangesAsync(ct);
        foreach (var p in partners)
            foreach (var (title, content) in faker.Random.Shuffle(DemoTexts.LogEntries).Take(3))
                db.PartnerLog.Add(new PartnerLogEntry { PartnerId = p.Id, Date = today.AddDays(-faker.Random.Int(10, 330)), Title = title, Content = content });

        var membersByBranch = new Dictionary<int, List<MemberInfo>>();
        var organizerByBranch = new Dictionary<int, int>();
        foreach (var b in branches)
        {
            var members = (await directory.GetMembersAsync(b.Id, includeDescendants: true, ct)).Where(m => m.IsPartyMember).OrderBy(m => m.Id).ToList();
            if (members.Count == 0) continue;
            membersByBranch[b.Id] = members;
            var posts = await directory.GetPostsAsync(b.Id, ct);
            organizerByBranch[b.Id] = posts.FirstOrDefault()?.MemberId ?? members[0].Id;
        }
        if (membersByBranch.Count == 0) return;
        var branchIds = membersByBranch.Keys.ToList();
        var kinds = DemoTexts.Titles.Keys.ToArray();
        var start = today.AddMonths(-12);
        var n = 0;
        // A year behind: two or three finished activities a month.
        for (var month = 0; month < 12; month++)
        {
            var count = faker.Random.Int(2, 3);
            for (var i = 0; i < count; i++)
            {
                var day = start.AddMonths(month).AddDays(faker.Random.Int(0, 27));
                if (day >= today) continue;
                var branch = branchIds[n++ % branchIds.Count];
                var activity = NewActivity(faker, kinds, partners, branch, organizerByBranch[branch], day);
                activity.Status = faker.Random.Int(0, 14) == 0 ? ActivityStatus.Cancelled : ActivityStatus.Finished;
                if (activity.Status == ActivityStatus.Cancelled) activity.CancelReason = "天气原因，活动取消";
                // One branch's theme Party day held as volunteer service, so org-life's compliance shows it (entered once).
                else if (month == 9 && i == 0) activity.CountsAsThemePartyDay = true;
                db.Activities.Add(activity);
                await db.SaveChangesAsync(ct);
                if (activity.Status == ActivityStatus.Finished) AddAttendance(faker, activity, membersByBranch[branch]);
            }
        }
        // Ahead: published activities open for sign-up, partly taken, and one draft.
        for (var i = 0; i < 4; i++)
        {
            var branch = branchIds[i % branchIds.Count];
            var activity = NewActivity(faker, kinds, partners, branch, organizerByBranch[branch], today.AddDays(3 + i * 5));
            activity.Status = ActivityStatus.Published;
            db.Activities.Add(activity);
            await db.SaveChangesAsync(ct);
            var takers = faker.Random.Shuffle(membersByBranch[branch]).Take(Math.Min(activity.Capacity - 2, faker.Random.Int(1, 5))).ToList();
            foreach (var m in takers)
                db.SignUps.Add(new SignUp { ActivityId = activity.Id, MemberId = m.Id, Status = SignUpStatus.Accepted, Sequence = ++activity.PlacesStamp, SignedUpAt = activity.CreatedAt.AddHours(faker.Random.Int(1, 48)) });
        }
        var draft = NewActivity(faker, kinds, partners, branchIds[0], organizerByBranch[branchIds[0]], today.AddDays(30));
        draft.Status = ActivityStatus.Draft;
        db.Activities.Add(draft);
        await db.SaveChangesAsync(ct);
    }

    private List<Partner> SeedPartners(Faker faker, DateOnly today)
    {
        var partners = new List<Partner>();
        var communities = faker.Random.Shuffle(DemoTexts.Communities).Take(2).ToList();
        var village = faker.PickRandom(DemoTexts.Villages);
        foreach (var (kind, name, area) in communities.Select(c => (PartnerKind.PairedCommunity, c, faker.PickRandom(DemoTexts.Districts)))
                     .Append((PartnerKind.AssistedVillage, village, faker.PickRandom(DemoTexts.Counties))))
        {
            var p = new Partner
            {
                Kind = kind, Name = name, Address = area + name + (kind == PartnerKind.AssistedVillage ? "村委会" : "党群服务中心"),
                PairedSince = today.AddYears(-faker.Random.Int(1, 4)).AddDays(-faker.Random.Int(0, 200)),
                Note = kind == PartnerKind.AssistedVillage ? "巩固拓展脱贫攻坚成果同乡村振兴有效衔接，选派干部驻村帮扶。" : "党建联创共建单位，依托新时代文明实践站开展活动。",
            };
            for (var c = 0; c < faker.Random.Int(1, 2); c++)
                p.Contacts.Add(new PartnerContact { Name = faker.Name.LastName() + faker.Name.FirstName(), Title = faker.PickRandom(DemoTexts.ContactTitles), Phone = Mobile(faker) });
            db.Partners.Add(p);
            partners.Add(p);
        }
        return partners;
    }

    private static Activity NewActivity(Faker faker, ActivityKind[] kinds, List<Partner> partners, int branch, int organizer, DateOnly day)
    {
        var kind = faker.PickRandom(kinds);
        var community = partners.FirstOrDefault(p => p.Kind == PartnerKind.PairedCommunity);
        var village = partners.FirstOrDefault(p => p.Kind == PartnerKind.AssistedVillage);
        var place = faker.PickRandom(DemoTexts.Places[kind]).Replace("{community}", community?.Name ?? "文化路社区").Replace("{village}", (village?.Name ?? "屈店村").Replace("村", ""));
        var partner = place.Contains(community?.Name ?? "\0") ? community : place.Contains(village?.Name.Replace("村", "") ?? "\0") ? village : null;
        var hour = kind == ActivityKind.ExtendedHours ? faker.PickRandom(12, 17) : faker.PickRandom(8, 9, 14, 15);
        var startsAt = day.ToDateTime(new TimeOnly(hour, faker.PickRandom(0, 30)));
        var length = kind == ActivityKind.ExtendedHours ? 2 : faker.Random.Int(2, 4);
        return new Activity
        {
            Title = faker.PickRandom(DemoTexts.Titles[kind]), Kind = kind, Place = place, StartsAt = startsAt, EndsAt = startsAt.AddHours(length),
            Capacity = faker.PickRandom(8, 10, 12, 15, 20), SignUpDeadline = startsAt.AddHours(-faker.PickRandom(2, 12, 24)),
            OrganizerMemberId = organizer, OrganizationId = branch, PartnerId = partner?.Id, Description = DemoTexts.Descriptions[kind],
            CreatedAt = startsAt.AddDays(-faker.Random.Int(5, 14)),
        };
    }

    private void AddAttendance(Faker faker, Activity activity, List<MemberInfo> members)
    {
        var takers = faker.Random.Shuffle(members).Take(Math.Min(activity.Capacity, faker.Random.Int(3, Math.Max(3, activity.Capacity)))).ToList();
        foreach (var m in takers)
        {
            var s = new SignUp { ActivityId = activity.Id, MemberId = m.Id, Status = SignUpStatus.Accepted, Sequence = ++activity.PlacesStamp, SignedUpAt = activity.CreatedAt.AddHours(faker.Random.Int(1, 72)) };
            if (faker.Random.Int(0, 9) > 0)
            {
                s.CheckedInAt = activity.StartsAt.AddMinutes(faker.Random.Int(-15, 10));
                s.CheckedOutAt = activity.EndsAt.AddMinutes(faker.Random.Int(-10, 15));
                s.Hours = HoursRules.FromAttendance(s.CheckedInAt.Value, s.CheckedOutAt.Value);
            }
            db.SignUps.Add(s);
        }
    }

    private static string Mobile(Faker faker) => faker.PickRandom("138", "139", "150", "158", "186", "137") + faker.Random.ReplaceNumbers("########");
}
