namespace Modular.Modules.Development.Services;

/// <summary>
/// Demo data for one agency: a case for everyone on the roster on the way to membership, with the steps their directory
/// stage implies and on the dates the directory records for them (application, activist, candidate, joining), named
/// mentors and sponsors, votes, a yearly plan per branch; a talk and reviews overdue, one approval late, and the probation
/// of a member whose year has passed extended once. The same seed and day always give the same data; the directory's
/// stages and dates are left as they are.
/// </summary>
public sealed class DevelopmentSeeder(DevelopmentDbContext db, PeopleLookup people, IDirectory directory, IAgencyClock clock) : IDemoDataSeeder
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

        var onTheWay = roster.Where(m => m.Situation == MemberSituation.Normal && m.Stage < MemberStage.FullMember).ToList();
        var dates = new Dictionary<int, StageDates>();
        foreach (var m in onTheWay) dates[m.Id] = await directory.GetStageDatesAsync(m.Id, ct) ?? new StageDates(m.Stage, JoinedDate: m.JoinedDate);
        // The candidate decided longest ago waits for the higher committee's approval of the admission.
        var awaiting = onTheWay.Where(m => m.Stage == MemberStage.DevelopmentCandidate).OrderBy(m => dates[m.Id].CandidateDate ?? today).ThenBy(m => m.Id).FirstOrDefault()?.Id;
        var extended = false;
        var overdueTalk = false;
        foreach (var person in onTheWay)
        {
            var branch = branchOf[person.Id];
            var full = fullByBranch.GetValueOrDefault(branch) is { Count: >= 3 } own ? own : allFull;
            var helpers = full.Where(id => id != person.Id).OrderBy(_ => random.Next()).Take(4).ToList();
            var plan = new Journey(random, today, clock.UtcNow.UtcDateTime, Math.Max(full.Count, 3));
            var way = Way.Of(dates[person.Id], random, today);
            switch (person.Stage)
            {
                case MemberStage.Applicant:
                    // The first applicant of over a month ago has had no talk yet: overdue.
                    var skipTalk = !overdueTalk && way.Applied < today.AddMonths(-1);
                    plan.Applicant(way.Applied, skipTalk);
                    overdueTalk |= skipTalk;
                    break;
                case MemberStage.Activist:
                    plan.Activist(way, helpers);
                    break;
                case MemberStage.DevelopmentCandidate:
                    plan.Candidate(way, helpers, awaitingApproval: person.Id == awaiting);
                    break;
                default:
                    // Probation over (a year from the vote) without the vote on full membership: extended once, the first such.
                    var over = way.Joined!.Value.AddYears(1) <= today;
                    plan.Probationary(way, helpers, extend: over && !extended, waiting: over && extended);
                    extended |= over;
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

    /// <summary>
    /// The dates of a person's way in: the directory's where it has them, else invented backwards from the latest one it
    /// has (each stage's date before the next; a year at least as an activist before candidacy).
    /// </summary>
    private sealed record Way(DateOnly Applied, DateOnly? Activist, DateOnly? Candidate, DateOnly? Joined)
    {
        public static Way Of(StageDates d, Random random, DateOnly today)
        {
            DateOnly? joined = d.Stage >= MemberStage.ProbationaryMember ? d.JoinedDate ?? today.AddDays(-random.Next(30, 330)) : null;
            DateOnly? candidate = d.Stage >= MemberStage.DevelopmentCandidate ? d.CandidateDate ?? (joined ?? today).AddDays(-random.Next(20, 150)) : null;
            DateOnly? activist = d.Stage >= MemberStage.Activist ? d.ActivistDate ?? (candidate is { } c ? c.AddYears(-1).AddDays(-random.Next(0, 60)) : today.AddDays(-random.Next(60, 520))) : null;
            var applied = d.ApplicationDate ?? (activist ?? today).AddDays(-random.Next(activist is null ? 10 : 60, activist is null ? 150 : 200));
            return new Way(applied, activist, candidate, joined);
        }
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

        public void Applicant(DateOnly applied, bool skipTalk)
        {
            Add(1, applied);
            var talk = applied.AddDays(random.Next(5, 25));
            if (!skipTalk && talk <= today) Add(2, talk);
        }

        /// <summary>Steps 1–5 up to the activist's mentors, with the talk before the decision.</summary>
        private void Activist(Way way)
        {
            var decided = way.Activist!.Value;
            Add(1, way.Applied);
            Add(2, Min(way.Applied.AddDays(random.Next(5, 25)), decided));
            Add(3, decided);
            Add(4, decided.AddDays(7));
            Add(5, decided.AddDays(14));
        }

        public void Activist(Way way, IReadOnlyList<int> helpers)
        {
            Activist(way);
            foreach (var id in helpers.Take(1 + random.Next(2))) Helpers.Add((id, HelperRole.Mentor));
            // Reviews every half year; now and then the last one is late.
            for (var review = way.Activist!.Value.AddMonths(6).AddDays(-random.Next(0, 10)); review <= today; review = review.AddMonths(6))
                if (review.AddMonths(6) <= today || random.Next(3) > 0) Add(6, review);
        }

        /// <summary>Steps 1–7: the activist's way with a review every half year, then the candidate decided.</summary>
        private void ToCandidate(Way way, IReadOnlyList<int> helpers)
        {
            Activist(way);
            foreach (var id in helpers.Take(1 + random.Next(2))) Helpers.Add((id, HelperRole.Mentor));
            var decided = way.Candidate!.Value;
            for (var review = way.Activist!.Value.AddMonths(6); review < decided; review = review.AddMonths(6)) Add(6, review);
            Add(7, decided);
        }

        /// <summary>Steps 8 to <paramref name="last"/> (at most 14) spread from the candidate's decision to <paramref name="until"/>.</summary>
        private void Candidacy(DateOnly decided, DateOnly until, int last, IReadOnlyList<int> helpers)
        {
            var gap = Math.Clamp((until.DayNumber - decided.DayNumber) / 8, 1, 10);
            DateOnly On(int step) => decided.AddDays(gap * (step - 7));
            if (last >= 8) Add(8, On(8));
            if (last >= 9) { Add(9, On(9)); foreach (var id in helpers.Skip(2).Take(2)) Helpers.Add((id, HelperRole.Sponsor)); }
            if (last >= 10) Add(10, On(10)).Conclusion = Conclusions[random.Next(Conclusions.Length)];
            if (last >= 11) { var t = Add(11, On(11)); t.TrainingDays = 3; t.TrainingHours = 24; }
            for (var step = 12; step <= Math.Min(last, 14); step++) Add(step, On(step));
        }

        public void Candidate(Way way, IReadOnlyList<int> helpers, bool awaitingApproval)
        {
            ToCandidate(way, helpers);
            var decided = way.Candidate!.Value;
            if (!awaitingApproval)
            {
                Candidacy(decided, today, 8 + random.Next(7), helpers);
                return;
            }
            // Voted in by the branch, still waiting for the higher committee: over 3 months ago where the dates allow.
            var voted = Max(decided.AddDays(20), Min(decided.AddDays(70), today.AddDays(-100)));
            Candidacy(decided, voted, 14, helpers);
            Vote(Add(15, voted));
            Add(16, voted.AddDays(10));
        }

        public void Probationary(Way way, IReadOnlyList<int> helpers, bool extend, bool waiting)
        {
            ToCandidate(way, helpers);
            var voted = way.Joined!.Value;
            Candidacy(way.Candidate!.Value, voted, 14, helpers);
            Vote(Add(15, voted));
            Add(16, voted.AddDays(15));
            Add(17, voted.AddDays(random.Next(30, 80)));
            Add(18, _last.AddDays(7));
            Add(19, _last.AddDays(3));
            Add(20, _last.AddDays(random.Next(5, 30)));
            var ends = voted.AddYears(1);
            for (var review = _last.AddMonths(3); review <= today && review < ends; review = review.AddMonths(3)) Add(21, review);
            if (!extend && !waiting) return;
            Add(22, ends.AddDays(-10));
            if (waiting) return;
            // Extended once by 6 months when the year was up: back to education (step 21).
            var decision = Add(23, ends.AddDays(5));
            Vote(decision);
            decision.Outcome = ProbationOutcome.Extend;
            decision.ExtensionMonths = 6;
            if (decision.Date.AddMonths(2) <= today) Add(21, decision.Date.AddMonths(2));
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
