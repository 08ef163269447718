namespace Modular.Modules.Integrity.Services;

/// <summary>
/// Demo data for one agency: talks of the year, warning-education sessions with attendance, a risk register owned by
/// the branch secretaries (one point past its review date), an inspection with findings (one closed, one overdue),
/// and this year's festival calendar. The same seed and day always give the same data.
/// </summary>
public sealed class IntegritySeeder(IntegrityDbContext db, IDirectory directory, IntegrityAccess access, FestivalPlanner festivals, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => IntegrityModule.Id;

    private static readonly (string Post, string Risk, RiskLevel Level, string Measures)[] RiskTexts =
    [
        ("行政审批岗", "审批过程中违规收受服务对象财物，或人为设置障碍、吃拿卡要", RiskLevel.High, "审批事项清单公开；一次性告知；限时办结；审批结果双人复核；服务对象回访"),
        ("政府采购岗", "采购需求设置倾向性条件，或与供应商串通", RiskLevel.High, "采购需求集体研究；评审专家随机抽取；采购全过程留痕；纪检全程监督"),
        ("财务报销岗", "虚列支出、违规报销或审核把关不严", RiskLevel.Medium, "报销凭证双人审核；大额支出集体决策；每季度财务公开"),
        ("项目管理岗", "项目验收走过场，或违规变更项目内容", RiskLevel.Medium, "验收小组集体验收；变更需报批；项目资料归档备查"),
        ("窗口服务岗", "服务态度生硬、推诿扯皮，或私下办理业务", RiskLevel.Low, "首问负责；好差评评价；窗口视频监控；定期明察暗访"),
        ("人事管理岗", "干部选拔任用、考核评优中优亲厚友", RiskLevel.Medium, "选人用人程序公开；民主推荐；任前公示；纪检全程参与"),
        ("公车管理岗", "公车私用、违规加油维修", RiskLevel.Low, "公车定位监控；派车单制度；油耗维修台账月度公开"),
    ];

    private static readonly string[] TalkSummaries =
    [
        "任职前廉政谈话：明确岗位廉政风险点，强调严守纪律规矩，签订廉洁承诺书。",
        "提醒谈话：针对工作作风方面的苗头性问题，提醒其及时改正，本人表示认真整改。",
        "节前廉政谈话：重申中央八项规定精神，提醒不收送礼品礼金、不违规吃喝。",
    ];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Risks.AnyAsync(ct) || await db.Talks.AnyAsync(ct)) return;
        var orgs = await directory.GetOrganizationsAsync(ct);
        var branches = orgs.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Id).ToList();
        if (branches.Count == 0) return;
        var random = new Random(seed);
        var today = clock.Today;
        var secretaries = new List<int>();
        foreach (var b in branches)
            if ((await directory.GetPostsAsync(b.Id, ct)).FirstOrDefault(p => p.Post == CommitteePost.Secretary) is { } s) secretaries.Add(s.MemberId);
        // The seed's own order (by organisation, then name), so that the demo data stays the same.
        var members = (await directory.GetAllMembersAsync(ct)).Where(m => m.IsPartyMember).OrderBy(m => m.OrganizationId).ThenBy(m => m.Name).ToList();
        if (secretaries.Count == 0 || members.Count < 2) return;

        for (var i = 0; i < RiskTexts.Length; i++)
        {
            var (post, risk, level, measures) = RiskTexts[i];
            var b = branches[i % branches.Count];
            db.Risks.Add(new IntegrityRisk
            {
                OrganizationId = b.Id, Post = post, Description = risk, Level = level, Measures = measures, OwnerMemberId = secretaries[i % secretaries.Count],
                // One point is past its review date, to show the to-do.
                NextReviewDate = i == 4 ? today.AddDays(-10) : today.AddMonths(2 + i), LastReviewedOn = today.AddMonths(-10 + i),
            });
        }

        for (var i = 0; i < 6; i++)
        {
            var talker = secretaries[i % secretaries.Count];
            var talkee = members[random.Next(members.Count)].Id;
            if (talkee == talker) talkee = members.First(m => m.Id != talker).Id;
            var kind = (TalkKind)(i % 3);
            db.Talks.Add(new IntegrityTalk { Kind = kind, Date = today.AddDays(-random.Next(5, 300)), TalkerMemberId = talker, TalkeeMemberId = talkee, Summary = TalkSummaries[i % 3] });
        }

        var held = today.AddDays(-random.Next(20, 120));
        var first = new WarningEducation { Kind = WarningKind.BaseVisit, Date = held.Year == today.Year ? held : today, Title = "参观市廉政教育基地", Place = "市廉政教育基地" };
        foreach (var m in await access.SessionRosterAsync(branches[0].Id, ct))
            first.Attendees.Add(new WarningAttendee { MemberId = m.Id, Present = random.Next(10) > 0 });
        if (first.Attendees.Count > 0) first.Attendees[0].Reflection = "通过参观教育基地，深刻认识到廉洁自律的重要性，要时刻绷紧纪律这根弦。";
        db.WarningSessions.Add(first);
        var film = new WarningEducation { Kind = WarningKind.WarningFilm, Date = today.AddYears(-1).AddDays(-random.Next(0, 60)), Title = "观看警示教育片《零容忍》", Place = "机关会议室" };
        foreach (var m in await access.SessionRosterAsync(null, ct))
            film.Attendees.Add(new WarningAttendee { MemberId = m.Id, Present = random.Next(8) > 0 });
        db.WarningSessions.Add(film);
        await db.SaveChangesAsync(ct);

        var window = branches.FirstOrDefault(b => b.IsWindowBranch) ?? branches[^1];
        var inspection = db.Inspections.Add(new Inspection
        {
            Date = today.AddDays(-40), Mode = InspectionMode.Unannounced, TargetKind = window.IsWindowBranch ? InspectionTarget.Window : InspectionTarget.Department,
            TargetOrganizationId = window.Id, Target = window.Name, Summary = "工作日上午暗访，重点检查在岗在位、服务态度和工作纪律。",
        }).Entity;
        await db.SaveChangesAsync(ct);
        db.Rectifications.Add(new Rectification
        {
            InspectionId = inspection.Id, Finding = "个别工作人员上班时间玩手机", OwnerMemberId = secretaries[^1], Deadline = today.AddDays(-20),
            Status = RectificationStatus.Closed, ClosedOn = today.AddDays(-25), ClosingNote = "已开展提醒谈话，窗口实行手机集中存放。",
        });
        db.Rectifications.Add(new Rectification
        {
            InspectionId = inspection.Id, Finding = "窗口服务指南未及时更新", OwnerMemberId = secretaries[^1], Deadline = today.AddDays(-5), Status = RectificationStatus.Open,
        });
        db.Rectifications.Add(new Rectification
        {
            InspectionId = inspection.Id, Finding = "首问负责制登记台账不完整", OwnerMemberId = secretaries[0], Deadline = today.AddDays(15), Status = RectificationStatus.Open,
        });
        await db.SaveChangesAsync(ct);
        await festivals.StoreYearAsync(today.Year, ct);
    }
}
