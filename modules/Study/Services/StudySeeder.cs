namespace Modular.Modules.Study.Services;

/// <summary>
/// Demo data for one agency: the question bank with the hundred-rules quiz, the year's plans of the central study group
/// and each branch with the sessions held so far (one month left unheld in a branch, to show it), one open test (the
/// hundred-rules knowledge test, counted by integrity) and one closed test with results. The same seed and day always
/// give the same data.
/// </summary>
public sealed class StudySeeder(StudyDbContext db, IDirectory directory, StudyPlans plans, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => StudyModule.Id;

    private static readonly (string Topic, string Speaker, string Materials)[] CentralTopics =
    [
        ("学习贯彻党的二十大精神", "党组书记", "《党的二十大报告》"),
        ("习近平新时代中国特色社会主义思想专题学习", "党组副书记", "《习近平著作选读》第一卷"),
        ("学习《中国共产党纪律处分条例》", "纪检组长", "《中国共产党纪律处分条例》"),
        ("深入学习中央八项规定精神", "党组成员", "中央八项规定及其实施细则"),
        ("学习习近平总书记关于党的建设的重要思想", "党组书记", "《习近平关于党的建设的重要思想概论》"),
        ("“七一”专题学习：党的光辉历程", "党组副书记", "《中国共产党简史》"),
        ("学习意识形态工作责任制", "党组成员", "《党委（党组）意识形态工作责任制实施办法》"),
        ("学习总体国家安全观", "党组成员", "《总体国家安全观学习纲要》"),
        ("学习党内法规：《中国共产党支部工作条例》", "机关党委书记", "《中国共产党支部工作条例（试行）》"),
        ("学习法治思想，推进依法行政", "党组成员", "《习近平法治思想学习纲要》"),
        ("学习全会精神", "党组书记", "全会公报"),
        ("年度学习交流研讨", "党组书记", "个人研讨发言"),
    ];

    private static readonly string[] BranchTopics =
    [
        "学习党章，重温入党誓词", "学习《党员必须牢记的100条党规党纪》", "学习中央八项规定精神", "学习雷锋精神，开展志愿服务",
        "学习《中国共产党纪律处分条例》", "学习身边先进典型", "“七一”主题党日：重温党的历史", "学习意识形态工作有关要求",
        "学习保密知识", "学习全会精神", "学习业务法规，提升履职能力", "年度学习心得交流",
    ];

    private static readonly (QuestionKind Kind, string Category, string Text, string Options, string Answer)[] Others =
    [
        (QuestionKind.SingleChoice, "党的创新理论", "党的二十大报告指出，从现在起，中国共产党的中心任务是？", "团结带领全国各族人民全面建成社会主义现代化强国、实现第二个百年奋斗目标，以中国式现代化全面推进中华民族伟大复兴|全面建成小康社会|消除绝对贫困|实现共同富裕", "A"),
        (QuestionKind.TrueFalse, "党的创新理论", "中国式现代化是人口规模巨大的现代化。", "", "对"),
        (QuestionKind.MultipleChoice, "党的创新理论", "“四个意识”包括？", "政治意识|大局意识|核心意识|看齐意识", "ABCD"),
        (QuestionKind.FillIn, "党的创新理论", "“两个确立”具有决定性意义，“四个自信”是道路自信、理论自信、制度自信、____自信。", "", "文化"),
        (QuestionKind.SingleChoice, "保密知识", "国家秘密的密级分为？", "绝密、机密、秘密|绝密、秘密、内部|机密、秘密、公开|绝密、机密、内部", "A"),
        (QuestionKind.TrueFalse, "保密知识", "涉密计算机可以连接互联网。", "", "错"),
    ];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Questions.AnyAsync(ct) || await db.Plans.AnyAsync(ct)) return;
        var random = new Random(seed);
        var today = clock.Today;
        var now = clock.LocalNow;

        var bank = HundredRules.Questions.Select(q => new Question { Kind = q.Kind, Category = HundredRules.Category, Difficulty = Difficulty.Medium, Text = q.Text, Options = q.Options.Replace('|', '\n'), Answer = q.Answer })
            .Concat(Others.Select(q => new Question { Kind = q.Kind, Category = q.Category, Difficulty = Difficulty.Easy, Text = q.Text, Options = q.Options.Replace('|', '\n'), Answer = q.Answer }))
            .ToList();
        for (var i = 0; i < bank.Count; i++) bank[i].Difficulty = i % 7 == 0 ? Difficulty.Hard : i % 3 == 0 ? Difficulty.Easy : bank[i].Difficulty;
        db.Questions.AddRange(bank);
        await db.SaveChangesAsync(ct);

        // The open test: the hundred-rules knowledge test, 20 questions drawn once, for the whole agency; integrity counts it.
        var rules = bank.Where(q => q.Category == HundredRules.Category).ToList();
        var open = new StudyTest
        {
            Title = "《党员必须牢记的100条党规党纪》知识测试", Description = "闭卷作答，请勿离开答题页面。", Selection = Selection.Random, DrawCategory = HundredRules.Category, DrawCount = 20,
            Opens = today.AddDays(-3).ToDateTime(new TimeOnly(8, 0)), Closes = today.AddDays(25).ToDateTime(new TimeOnly(18, 0)), DurationMinutes = 30, PassMark = 80,
            ClosedBook = true, IntegrityKnowledge = true, WholeAgency = true, CreatedAt = now.AddDays(-4),
        };
        TestBuilder.AddQuestions(open, rules.OrderBy(_ => random.Next()).Take(20).OrderBy(q => q.Id));
        db.Tests.Add(open);

        // A closed test of last month, taken by most members, for the office's view.
        var members = (await directory.FindMembersAsync(MemberQuery.PartyMembers, ct)).OrderBy(m => m.Id).ToList();
        var past = new StudyTest
        {
            Title = "应知应会知识测试", Selection = Selection.Chosen, Opens = today.AddDays(-40).ToDateTime(new TimeOnly(8, 0)), Closes = today.AddDays(-30).ToDateTime(new TimeOnly(18, 0)),
            DurationMinutes = 20, PassMark = 60, WholeAgency = true, CreatedAt = now.AddDays(-41),
        };
        TestBuilder.AddQuestions(past, bank.Where(q => q.Category != HundredRules.Category).Concat(rules.Take(4)));
        db.Tests.Add(past);
        await db.SaveChangesAsync(ct);
        foreach (var m in members.Where(_ => random.Next(10) < 8))
        {
            var started = past.Opens.AddHours(random.Next(1, 200));
            var attempt = new Attempt { TestId = past.Id, MemberId = m.Id, Seed = random.Next(), StartedAt = started, DueAt = started.AddMinutes(past.DurationMinutes), SubmittedAt = started.AddMinutes(random.Next(5, 19)) };
            foreach (var q in past.Questions)
            {
                // Mostly right; the fill-in and multiple-choice questions are missed more often, as they are in life.
                var right = random.Next(10) < (q.Kind is QuestionKind.FillIn or QuestionKind.MultipleChoice ? 5 : 8);
                var value = right ? q.Kind == QuestionKind.FillIn ? q.Answer.Split('|')[0] : q.Answer : q.Kind switch
                {
                    QuestionKind.TrueFalse => q.Answer == Answers.True ? Answers.False : Answers.True,
                    QuestionKind.FillIn => "不清楚",
                    _ => q.Answer == "A" ? "B" : "A",
                };
                attempt.Answers.Add(new AttemptAnswer { TestQuestionId = q.Id, Value = value, Correct = Answers.IsCorrect(q.Kind, q.Answer, value), SavedAt = started });
            }
            attempt.Total = past.Questions.Count;
            attempt.Correct = attempt.Answers.Count(a => a.Correct == true);
            attempt.Score = Answers.Score(attempt.Correct, attempt.Total);
            attempt.Passed = Answers.Passed(attempt.Score, past.PassMark);
            db.Attempts.Add(attempt);
        }
        await db.SaveChangesAsync(ct);

        // The year's plans: the central study group's, and each branch's; sessions for the months gone by.
        var central = NewPlan(today.Year, PlanOwner.CentralGroup, null, $"{today.Year}年党组理论学习中心组学习计划", CentralTopics);
        db.Plans.Add(central);
        var branchPlans = new List<StudyPlan>();
        foreach (var b in (await plans.BranchesAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Id))
        {
            var plan = NewPlan(today.Year, PlanOwner.Branch, b.Id, $"{b.Name}{today.Year}年学习计划", BranchTopics.Select(t => (t, "支部书记", "")).ToArray());
            branchPlans.Add(plan);
            db.Plans.Add(plan);
        }
        await db.SaveChangesAsync(ct);
        foreach (var plan in branchPlans.Prepend(central))
        {
            var roster = await plans.RosterAsync(plan, ct);
            foreach (var item in plan.Items.Where(i => new DateOnly(today.Year, i.Month, 1).AddMonths(1) <= today))
            {
                // The first branch let its most recent planned month pass unheld: the plan shows it.
                if (plan == branchPlans.FirstOrDefault() && item.Month == today.Month - 1) continue;
                var date = new DateOnly(today.Year, item.Month, Math.Min(10 + random.Next(15), 28));
                var session = new StudySession { PlanId = plan.Id, PlanItemId = item.Id, Date = date, Topic = item.Topic, Speaker = item.Speaker, Notes = "围绕专题开展集中学习，参会人员结合工作实际进行了交流发言。" };
                foreach (var m in roster) session.Attendees.Add(new SessionAttendee { MemberId = m.Id, Present = random.Next(10) > 0 });
                db.Sessions.Add(session);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static StudyPlan NewPlan(int year, PlanOwner owner, int? organizationId, string title, (string Topic, string Speaker, string Materials)[] topics)
    {
        var plan = new StudyPlan { Year = year, Owner = owner, OrganizationId = organizationId, Title = title };
        for (var m = 1; m <= 12; m++)
        {
            var (topic, speaker, materials) = topics[(m - 1) % topics.Length];
            plan.Items.Add(new PlanItem { Month = m, Topic = topic, Speaker = speaker, Materials = materials.Length == 0 ? null : materials });
        }
        return plan;
    }
}
