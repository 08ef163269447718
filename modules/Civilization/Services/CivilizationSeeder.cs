namespace Modular.Modules.Civilization.Services;

/// <summary>
/// Demo data for one agency: a campaign toward 省级文明单位 with its 44-item framework in mixed progress (met, not met,
/// waiting for review, under way, overdue), earlier honours and a year of practice-point activities. Fixed by the seed.
/// </summary>
public sealed class CivilizationSeeder(CivilizationDbContext db, PeopleLookup people, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => CivilizationModule.Id;

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        if (db.Campaigns.Any()) return;
        var random = new Random(seed);
        var today = clock.Today;
        var year = today.Year;
        // The seed's own order (by name), so that the demo data stays the same.
        var members = (await people.AllMembersAsync(cancellationToken)).Values.Where(m => m.IsPartyMember).OrderBy(m => m.Name).ThenBy(m => m.Id).ToList();
        var leader = members.FirstOrDefault(m => m.IsLeadingCadre) ?? members.FirstOrDefault();
        var campaign = new Campaign
        {
            Name = $"{year}年度创建省级文明单位", TitleLevel = TitleLevel.ProvincialCivilizedUnit, Year = year, Status = CampaignStatus.InProgress,
            LeaderMemberId = leader?.Id, Note = "在保持市级文明单位称号的基础上，对照省级文明单位测评体系逐项推进，年底前完成自查自评并申报。",
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var owners = members.Take(12).Select(m => (int?)m.Id).DefaultIfEmpty(null).ToList();
        var order = 0;
        var items = new List<CriteriaItem>();
        for (var c = 0; c < DemoFramework.Categories.Length; c++)
        {
            var (name, criteria) = DemoFramework.Categories[c];
            var category = new CriteriaCategory { CampaignId = campaign.Id, Name = name, Order = c + 1 };
            db.Categories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < criteria.Length; i++)
            {
                // Due dates spread over the year; what fell due long ago is mostly met, what is due later mostly under way.
                var due = today.AddDays(-150 + c * 30 + i * 9);
                var roll = random.Next(100);
                var age = today.DayNumber - due.DayNumber;
                var status = age > 30
                    ? roll switch { < 70 => ItemStatus.Met, < 80 => ItemStatus.NotMet, < 95 => ItemStatus.InProgress, _ => ItemStatus.NotStarted }
                    : age > -30
                        ? roll switch { < 30 => ItemStatus.Met, < 40 => ItemStatus.NotMet, < 80 => ItemStatus.InProgress, _ => ItemStatus.NotStarted }
                        : roll switch { < 10 => ItemStatus.Met, < 50 => ItemStatus.InProgress, _ => ItemStatus.NotStarted };
                var item = new CriteriaItem
                {
                    CampaignId = campaign.Id, CategoryId = category.Id, Order = ++order, Code = $"{c + 1}.{i + 1}", Text = criteria[i].Text,
                    Points = criteria[i].Points, OwnerMemberId = owners[random.Next(owners.Count)], DueDate = due, Status = status,
                };
                if (status is ItemStatus.Met or ItemStatus.NotMet)
                {
                    item.ReviewerMemberId = leader?.Id;
                    item.ReviewedAt = today.AddDays(-20 + i).ToDateTime(new TimeOnly(10, 0)).ToUniversalTime();
                    item.ReviewComment = status == ItemStatus.Met ? "材料齐全，达到测评要求。" : "佐证材料不完整，请补充活动记录后重新提交。";
                }
                if (status == ItemStatus.InProgress && random.Next(2) == 0) item.AwaitingReview = true;
                items.Add(item);
                db.Items.Add(item);
            }
        }
        // Whoever signs in with a demo account linked to a member owns a few open items due about now, so the owner's
        // side (to-do entry, "mine", submitting evidence) can be tried without the office assigning anything first.
        var linked = members.Where(m => m.UserId is not null).OrderBy(m => m.Id).Select(m => m.Id).ToList();
        if (linked.Count > 0)
        {
            var open = items.Where(i => i.Status is ItemStatus.NotStarted or ItemStatus.InProgress && !i.AwaitingReview
                    && i.DueDate is { } d && d >= today.AddDays(-15) && d <= today.AddDays(CivilizationTodo.DueSoonDays))
                .OrderBy(i => i.DueDate).Take(linked.Count * 2).ToList();
            for (var k = 0; k < open.Count; k++) open[k].OwnerMemberId = linked[k % linked.Count];
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in items.Where(i => i.Status is ItemStatus.Met or ItemStatus.NotMet || i.AwaitingReview))
        {
            db.Evidence.Add(new Evidence
            {
                ItemId = item.Id, Text = DemoFramework.EvidenceTexts[random.Next(DemoFramework.EvidenceTexts.Length)], SubmittedByMemberId = item.OwnerMemberId,
                SubmittedAt = (item.DueDate ?? today).AddDays(-3).ToDateTime(new TimeOnly(15, 30)).ToUniversalTime(),
            });
        }
        db.Honours.AddRange(
            new Honour { Title = "市级文明单位", Year = year - 2, Level = HonourLevel.Municipal, IssuingBody = "XX市精神文明建设委员会" },
            new Honour { Title = "市级文明单位（复查确认）", Year = year - 1, Level = HonourLevel.Municipal, IssuingBody = "XX市精神文明建设委员会" },
            new Honour { Title = "学雷锋志愿服务优秀组织", Year = year - 1, Level = HonourLevel.Municipal, IssuingBody = "XX市文明办" });
        var talks = new (PracticeKind Kind, string Title, string Place, string Summary, int People)[]
        {
            (PracticeKind.PolicyTalk, "党的创新理论进社区宣讲", "文化路社区新时代文明实践站", "围绕基层治理和惠民政策开展宣讲，现场答疑。", 45),
            (PracticeKind.Visit, "走访慰问困难群众和老党员", "结对社区", "走访困难家庭和老党员，送去慰问品，了解实际困难。", 12),
            (PracticeKind.CulturalEvent, "“我们的节日·端午”文化活动", "单位文明实践点", "包粽子、诵经典，邀请社区居民共同参与。", 60),
            (PracticeKind.PolicyTalk, "数字政务便民服务政策宣讲", "社区党群服务中心", "讲解“一网通办”办事流程，现场指导老年人使用手机办事。", 38),
            (PracticeKind.CulturalEvent, "全民阅读分享会", "单位职工书屋", "干部职工与社区居民分享读书心得。", 30),
        };
        for (var i = 0; i < talks.Length; i++)
        {
            var t = talks[i];
            db.PracticeActivities.Add(new PracticeActivity
            {
                Kind = t.Kind, Title = t.Title, Place = t.Place, Summary = t.Summary, Participants = t.People, Date = today.AddDays(-20 - 45 * i),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
