namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Demo data for one agency: the year's task list drawn from the agencies' 2022 work plans (some done, one late and
/// escalated, two proved by records: the Q4 organisational life meeting and two warning-education sessions), the
/// last two months' prompts (one answered in part), and a ledger from an inspection's feedback (one item closed, one
/// overdue). The same seed and day always give the same data.
/// </summary>
public sealed class SupervisionSeeder(SupervisionDbContext db, IDirectory directory, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => SupervisionModule.Id;

    private static readonly (string Title, string Source, int Month, string Evidence)[] TaskTexts =
    [
        ("制定年度机关党建工作要点并印发各支部", "年度机关党建工作要点 第1条", 2, "工作要点文件"),
        ("落实“第一议题”制度，第一时间传达学习重要指示批示精神", "年度机关党建工作要点 第2条", 3, "学习记录、会议记录"),
        ("按期完成到届党支部换届选举", "年度机关党建工作要点 第9条", 6, "换届请示、批复及选举结果报告"),
        ("支部书记“双述双评”", "年度机关党建工作要点 第8条", 7, "述职报告、测评汇总表"),
        ("开展意识形态工作形势分析研判", "年度机关党建工作要点 第2条", 7, "分析研判报告"),
        ("做好党费收缴、使用和管理，年底公示", "年度机关党建工作要点 第12条", 12, "党费收缴台账、公示材料"),
        ("领导干部带头讲党课", "年度机关党建工作要点 第3条", 9, "党课讲稿、照片"),
        ("巡察反馈机关党建问题整改落实", "巡察整改工作方案", 10, "整改台账、佐证材料"),
    ];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Tasks.AnyAsync(ct) || await db.Ledgers.AnyAsync(ct)) return;
        var orgs = await directory.GetOrganizationsAsync(ct);
        var branches = orgs.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Id).ToList();
        var committee = orgs.FirstOrDefault(o => o.Kind == OrganizationKind.AgencyCommittee);
        if (branches.Count == 0) return;
        var secretaries = new List<int>();
        foreach (var b in branches)
            if ((await directory.GetPostsAsync(b.Id, ct)).FirstOrDefault(p => p.Post == CommitteePost.Secretary) is { } s) secretaries.Add(s.MemberId);
        var random = new Random(seed);
        var today = clock.Today;
        var year = today.Year;

        var tasks = new List<WorkTask>();
        for (var i = 0; i < TaskTexts.Length; i++)
        {
            var (title, source, month, evidence) = TaskTexts[i];
            var deadline = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            var branch = branches[i % branches.Count];
            var task = new WorkTask
            {
                Year = year, Title = title, Source = source, Deadline = deadline, EvidenceWanted = evidence,
                OwnerOrganizationId = i % 3 == 0 && committee is not null ? committee.Id : branch.Id,
                OwnerMemberId = i % 3 == 1 && secretaries.Count > 0 ? secretaries[i % secretaries.Count] : null,
            };
            var prompted = deadline.AddMonths(-1) < today ? deadline.AddMonths(-1) : today;
            task.Steps.Add(new TaskStep { Kind = StepKind.Prompted, Date = prompted, Note = $"{prompted.Month}月机关党建工作提示" });
            if (deadline < today)
            {
                task.Steps.Add(new TaskStep { Kind = StepKind.Reported, Date = deadline.AddDays(-random.Next(3, 12)), MemberId = task.OwnerMemberId, Note = "已按要求推进，材料整理中。" });
                // One late task is checked and escalated; the others are closed on time.
                if (i == 4)
                {
                    task.Steps.Add(new TaskStep { Kind = StepKind.Checked, Date = deadline.AddDays(3), Note = "督查发现分析研判报告尚未形成。" });
                    task.Steps.Add(new TaskStep { Kind = StepKind.Escalated, Date = deadline.AddDays(10), Note = "请于两周内报送分析研判报告。" });
                }
                else
                {
                    task.Status = WorkTaskStatus.Done;
                    task.ClosedOn = deadline;
                    task.Steps.Add(new TaskStep { Kind = StepKind.Closed, Date = deadline, Note = "已完成，佐证材料已归档。" });
                }
            }
            tasks.Add(task);
        }
        // Enter once: these close themselves when org-life and integrity record what they ask for.
        tasks.Add(new WorkTask
        {
            Year = year, Title = "各支部第四季度召开组织生活会", Source = "年度机关党建工作要点 第3条", Deadline = new DateOnly(year, 12, 31),
            OwnerOrganizationId = branches[0].Id, EvidenceWanted = "组织生活会记录（由组织生活模块自动取得）",
            ProofKind = SharedRecordKinds.OrgLifeMeeting, ProofType = "OrganizationalLifeMeeting", ProofCount = 1, ProofFrom = new DateOnly(year, 10, 1),
        });
        tasks.Add(new WorkTask
        {
            Year = year, Title = "年内组织党员干部开展2次警示教育", Source = "年度机关党建工作要点 第14条", Deadline = new DateOnly(year, 12, 31),
            OwnerOrganizationId = committee?.Id, OwnerMemberId = committee is null && secretaries.Count > 0 ? secretaries[0] : null, EvidenceWanted = "警示教育记录（由廉政教育模块自动取得）",
            ProofKind = SharedRecordKinds.IntegrityWarningEducation, ProofCount = 2, ProofFrom = new DateOnly(year, 1, 1),
        });
        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        // The last two months' prompts: the earlier answered by all but one branch, the current one awaiting answers.
        var targets = branches.Take(4).ToList();
        for (var back = 1; back >= 0; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var prompt = new MonthlyPrompt
            {
                Year = month.Year, Month = month.Month, Title = $"{month.Year}年{month.Month}月机关党建工作提示",
                Body = "一、认真落实“三会一课”和主题党日制度；\n二、按时足额收缴党费；\n三、对照年度任务清单推进各项工作，月底前报送进展。",
                IssuedOn = month, AnswerBy = month.AddMonths(1).AddDays(-1) < today ? month.AddMonths(1).AddDays(-1) : month.AddDays(14) < today ? today.AddDays(7) : month.AddDays(14),
                Targets = targets.Select((b, n) => new PromptTarget
                {
                    OrganizationId = b.Id,
                    AnsweredOn = back == 1 && n < targets.Count - 1 ? month.AddDays(10 + n) : null,
                    Answer = back == 1 && n < targets.Count - 1 ? "已召开支委会研究部署，各项工作按计划推进。" : null,
                }).ToList(),
            };
            db.Prompts.Add(prompt);
        }
        await db.SaveChangesAsync(ct);

        var ledger = new RectificationLedger { Title = "巡察反馈机关党建问题整改", Source = "市委巡察组反馈意见", ReceivedOn = today.AddMonths(-3) };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        db.Items.AddRange(
            new LedgerItem { LedgerId = ledger.Id, Problem = "部分支部“三会一课”记录不规范", Measures = "统一会议记录本，机关党委每季度检查", OwnerOrganizationId = branches[0].Id,
                Deadline = today.AddMonths(-1), Status = ItemStatus.Closed, ClosedOn = today.AddMonths(-1).AddDays(-5), ClosingNote = "已统一记录格式并完成检查。" },
            new LedgerItem { LedgerId = ledger.Id, Problem = "党费收缴存在延迟", Measures = "按月收缴，支部书记督促", OwnerOrganizationId = branches[1 % branches.Count].Id,
                OwnerMemberId = secretaries.Count > 1 ? secretaries[1] : null, Deadline = today.AddDays(-10) },
            new LedgerItem { LedgerId = ledger.Id, Problem = "意识形态工作研判不够深入", Measures = "每半年开展一次专题分析研判", OwnerOrganizationId = committee?.Id ?? branches[0].Id,
                Deadline = today.AddMonths(2) });
        await db.SaveChangesAsync(ct);
    }
}
