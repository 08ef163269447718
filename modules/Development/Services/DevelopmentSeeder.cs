namespace Modular.Modules.Development.Services;

/// <summary>
/// Demo data for one agency: a case for everyone on the roster on the way to membership, with the steps their directory
/// stage implies (applicants, activists, candidates, probationary members), named mentors and sponsors, votes, a yearly
/// plan per branch; some talks and reviews overdue, one approval late, one probation extended. The same seed and day
/// always give the same data; the directory's stages are left as they are.
/// </summary>
public sealed class DevelopmentSeeder(DevelopmentDbContext db, PeopleLookup people, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => DevelopmentModule.Id;

    private static readonly string[] Conclusions =
    [
        "经函调和外调，本人政治立场坚定，拥护党的路线方针政策，直系亲属和主要社会关系政治历史清楚，无违法违纪情况，政审合格。",
        "本人历史清楚，遵纪守法，工作积极，群众基础好，主要社会关系无影响其入党的问题，政治审查合格。",
    ];

    private static readonly string[] Notes =
    [
        "谈话了解入党动机，讲解党的基本知识。",
        "半年考察：学习认真，工作主动，群众反映良好。",
        "参加机关党委举办的入党积极分子和发展对象培训班。",
        "继续教育考察：按时参加组织生活，完成学习任务。",
    ];

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await db.Cases.AnyAsync(ct)) return;
        var random = new Random(seed);
        var today = clock.Today;
        var roster = (await people.AllMembersAsync(ct)).Values.Where(PeopleLookup.IsOnRoster).OrderBy(m => m.Id).ToList();
        var branchOf = new Dictionary<int, int>();
        foreach (var m in roster) branchOf[m.Id] = await people.BranchOfAsync(m.Id, ct) ?? m.OrganizationId;
        var fullByBranch = roster.Where(Roster.IsFullMember).GroupBy(m => branchOf[m.Id]).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToList());
        var allFull = roster.Where(Roster.IsFullMember).Select(m => m.Id).ToList();
        if (allFull.Count < 3) return;

        var extended = false;
        var lateApproval = false;
        var overdueTalk = false;
        foreach (var person in roster.Where(m => m.Situation == MemberSituation.Normal && m.Stage is MemberStage.Applicant or MemberStage.Activist or MemberStage.DevelopmentCandidate or MemberStage.ProbationaryMember))
        {
            var branch = branchOf[person.Id];
            var full = fullByBranch.GetValueOrDefault(branch) is { Count: >= 3 } own ? own : allFull;
            var helpers = full.Where(id => id != person.Id).OrderBy(_ => random.Next()).Take(4).ToList();
            var plan = new Journey(random, today, clock.UtcNow.UtcDateTime, Math.Max(full.Count, 3));
            switch (person.Stage)
            {
                case MemberStage.Applicant:
                    plan.Applicant(skipTalk: !overdueTalk);
                    overdueTalk = true;
                    break;
                case MemberStage.Activist:
                    plan.Activist(today.AddDays(-random.Next(60, 520)), helpers);
                    break;
                case MemberStage.DevelopmentCandidate:
                    plan.Candidate(helpers, awaitingApproval: !lateApproval);
                    lateApproval = true;
                    break;
                default:
                    plan.Probationary(person.JoinedDate, helpers, extend: !extended);
                    extended = true;
                    break;
            }
            var c = new DevelopmentCase { MemberId = person.Id, OrganizationId = branch, CreatedAt = clock.UtcNow.UtcDateTime, Steps = plan.Steps };
            CaseRecorder.Summarise(c, CaseRecorder.HistoryOf(plan.Steps));
            db.Cases.Add(c);
            await db.SaveChangesAsync(ct);
            db.Helpers.AddRange(plan.Helpers.Select(h => new CaseHelper { CaseId = c.Id, MemberId = h.MemberId, Role = h.Role }));
        }
        foreach (var branch in fullByBranch.Keys.Order())
            db.Plans.Add(new YearPlan { Year = today.Year, OrganizationId = branch, Planned = 1 + random.Next(2) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The steps of one person's way so far, with dates that only go forward and never pass today.</summary>
    private sealed class Journey(Random random, DateOnly today, DateTime recordedAt, int fullMembers)
    {
        public List<CaseStep> Steps { get; } = [];
        public List<(int MemberId, HelperRole Role)> Helpers { get; } = [];
        private DateOnly _last = DateOnly.MinValue;

        private CaseStep Add(int step, DateOnly date)
        {
            date = date < _last ? _last : date > today ? today : date;
            _last = date;
            var s = new CaseStep { Step = step, Date = date, RecordedAt = recordedAt, Note = step is 2 or 6 or 11 or 21 ? Notes[random.Next(Notes.Length)] : null };
            Steps.Add(s);
            return s;
        }

        private void Vote(CaseStep s)
        {
            s.VoteEntitled = fullMembers;
            s.VotePresent = fullMembers - (fullMembers > 4 ? 1 : 0);
            s.VoteFor = s.VotePresent;
            s.VoteAgainst = 0;
            s.VoteAbstain = 0;
        }

        public void Applicant(bool skipTalk)
        {
            var applied = today.AddDays(-(skipTalk ? random.Next(40, 90) : random.Next(10, 150)));
            Add(1, applied);
            if (!skipTalk) Add(2, applied.AddDays(random.Next(5, 25)));
        }

        public void Activist(DateOnly decided, IReadOnlyList<int> helpers, bool stopEarly = false)
        {
            var applied = decided.AddDays(-random.Next(60, 200));
            Add(1, applied);
            Add(2, applied.AddDays(random.Next(5, 25)));
            Add(3, decided);
            Add(4, decided.AddDays(7));
            Add(5, decided.AddDays(14));
            foreach (var id in helpers.Take(1 + random.Next(2))) Helpers.Add((id, HelperRole.Mentor));
            if (stopEarly) return;
            // Reviews every half year; now and then the last one is late.
            for (var review = decided.AddMonths(6).AddDays(-random.Next(0, 10)); review <= today; review = review.AddMonths(6))
                if (review.AddMonths(6) <= today || random.Next(3) > 0) Add(6, review);
        }

        public void Candidate(IReadOnlyList<int> helpers, bool awaitingApproval)
        {
            var decided = today.AddDays(-(awaitingApproval ? random.Next(250, 300) : random.Next(20, 200)));
            Activist(decided.AddYears(-1).AddDays(-random.Next(0, 60)), helpers, stopEarly: true);
            for (var review = _last.AddMonths(6); review < decided; review = review.AddMonths(6)) Add(6, review);
            Add(7, decided);
            var last = awaitingApproval ? 16 : 8 + random.Next(7);
            if (last >= 8) Add(8, decided.AddDays(10));
            if (last >= 9) { Add(9, decided.AddDays(20)); foreach (var id in helpers.Skip(2).Take(2)) Helpers.Add((id, HelperRole.Sponsor)); }
            if (last >= 10) Add(10, decided.AddDays(40)).Conclusion = Conclusions[random.Next(Conclusions.Length)];
            if (last >= 11) { var t = Add(11, decided.AddDays(50)); t.TrainingDays = 3; t.TrainingHours = 24; }
            for (var step = 12; step <= Math.Min(last, 14); step++) Add(step, decided.AddDays(50 + 5 * (step - 11)));
            // One candidate voted in by the branch over 6 months ago, still waiting for the higher committee.
            if (last >= 15) { Vote(Add(15, decided.AddDays(70))); Add(16, decided.AddDays(80)); }
        }

        public void Probationary(DateOnly? joined, IReadOnlyList<int> helpers, bool extend)
        {
            var voted = extend ? today.AddMonths(-15) : joined is { } j && j <= today && j > today.AddYears(-1) ? j : today.AddDays(-random.Next(30, 330));
            var decided = voted.AddDays(-random.Next(90, 150));
            Activist(decided.AddYears(-1).AddDays(-random.Next(0, 60)), helpers, stopEarly: true);
            for (var review = _last.AddMonths(6); review < decided; review = review.AddMonths(6)) Add(6, review);
            Add(7, decided);
            Add(8, decided.AddDays(10));
            Add(9, decided.AddDays(20));
            foreach (var id in helpers.Skip(2).Take(2)) Helpers.Add((id, HelperRole.Sponsor));
            Add(10, decided.AddDays(40)).Conclusion = Conclusions[random.Next(Conclusions.Length)];
            var t = Add(11, decided.AddDays(50)); t.TrainingDays = 3; t.TrainingHours = 24;
            Add(12, voted.AddDays(-20));
            Add(13, voted.AddDays(-15));
            Add(14, voted.AddDays(-10));
            Vote(Add(15, voted));
            Add(16, voted.AddDays(15));
            Add(17, voted.AddDays(random.Next(30, 80)));
            Add(18, _last.AddDays(7));
            Add(19, _last.AddDays(3));
            Add(20, _last.AddDays(random.Next(5, 30)));
            for (var review = _last.AddMonths(3); review <= today && review < voted.AddYears(1); review = review.AddMonths(3)) Add(21, review);
            if (!extend) return;
            // Extended once by 6 months at the end of the first year: back to education (step 21).
            Add(22, voted.AddYears(1).AddDays(-10));
            var decision = Add(23, voted.AddYears(1).AddDays(5));
            Vote(decision);
            decision.Outcome = ProbationOutcome.Extend;
            decision.ExtensionMonths = 6;
            Add(21, decision.Date.AddMonths(2));
        }
    }
}
