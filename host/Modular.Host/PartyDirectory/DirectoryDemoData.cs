using Bogus;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// A realistic organisation tree and roster for one agency, from a fixed seed: the same seed and the same
/// reference date give the same data. Names are built surname + given name (Bogus' FullName orders them
/// the Western way); titles and organisation names come from lists written for this domain.
/// </summary>
public sealed class DirectoryDemoData(DirectoryDbContext db, PersonalDataProtector protector)
{
    public sealed record Plan(string CommitteeName, IReadOnlyList<string> Branches, IReadOnlyList<string> WindowBranches, bool GeneralBranch);

    public sealed record Result(int CommitteeId, IReadOnlyList<int> BranchIds, IReadOnlyDictionary<int, int> SecretaryByBranch, IReadOnlyList<int> MemberIds);

    private static readonly string[] Ethnicities = ["汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "蒙古族", "壮族"];
    private static readonly string[] Educations = ["研究生", "大学本科", "大学本科", "大学本科", "大学专科"];
    private static readonly string[] Titles = ["科员", "一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员", "副科长", "科长", "副处长", "处长", "副局长"];
    private static readonly string[] MobilePrefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "166", "177", "180", "181", "185", "186", "187", "188", "189", "199"];
    private static readonly string[] Regions = ["410102", "410103", "410105", "410122", "410181", "320102", "370102", "420106"];

    /// <param name="bulk">Members written by <see cref="Data.BulkInsert"/> (the benchmark seeder, auditing off): the same rows,
    /// without EF's per-row work and without a data-change audit entry per member.</param>
    public async Task<Result> SeedAsync(Plan plan, int seed, DateOnly today, int minMembers = 20, int maxMembers = 50, bool bulk = false, CancellationToken ct = default)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        // Stage dates and situations draw from a randomizer of their own, so the people, branches and posts stay those
        // the seed gave before stages and situations were split.
        var extra = new Randomizer(seed ^ 0x5EED);
        // Bulk adds (thousands of members): EF's scan of every tracked row before each save is most of the CPU; the
        // only change to a saved row (an organisation's path) is marked by hand.
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SeedTreeAsync(plan, faker, extra, today, minMembers, maxMembers, bulk, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private async Task<Result> SeedTreeAsync(Plan plan, Faker faker, Randomizer extra, DateOnly today, int minMembers, int maxMembers, bool bulk, CancellationToken ct)
    {
        var committee = await AddOrgAsync(null, OrganizationKind.AgencyCommittee, plan.CommitteeName, false, TermFrom(faker, today, 5, 0), ct);
        var parentForBranches = committee;
        if (plan.GeneralBranch)
            parentForBranches = await AddOrgAsync(committee, OrganizationKind.GeneralBranch, "机关第一党总支", false, TermFrom(faker, today, 3, 1), ct);

        var branchIds = new List<int>();
        var secretaries = new Dictionary<int, int>();
        var members = new List<int>();
        var extended = false;
        var names = plan.Branches.Select(n => (Name: n, Window: false)).Concat(plan.WindowBranches.Select(n => (Name: n, Window: true))).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            // Term dates spread so that some branches are due for election soon, one is overdue.
            var branch = await AddOrgAsync(i % 3 == 2 && plan.GeneralBranch ? parentForBranches : committee, OrganizationKind.Branch,
                names[i].Name, names[i].Window, TermFrom(faker, today, 3, i), ct);
            branchIds.Add(branch.Id);
            // One small branch so that the "fewer than 3 full members" warning has something to show.
            var size = i == names.Count - 1 && names.Count > 4 ? 2 : faker.Random.Int(minMembers, maxMembers);
            var groups = new List<Organization>();
            if (size >= 25)
            {
                groups.AddRange(await AddOrgsAsync(branch, OrganizationKind.PartyGroup,
                    Enumerable.Range(1, size >= 40 ? 3 : 2).Select(g => $"第{"一二三"[g - 1]}党小组").ToList(), ct));
            }
            var drawn = new List<(Member Member, string IdNumber, string Phone)>(size);
            for (var k = 0; k < size; k++)
                drawn.Add(NewMember(faker, extra, today, branch.Id, groups.Count > 0 ? groups[k % groups.Count].Id : null, small: size <= 2));
            // Two encryptions a member are the generator's costliest part; they draw nothing, so they run on every core.
            Parallel.For(0, drawn.Count, k =>
            {
                protector.SetIdNumber(drawn[k].Member, drawn[k].IdNumber);
                protector.SetPhone(drawn[k].Member, drawn[k].Phone);
            });
            var branchMembers = drawn.Select(d => d.Member).ToList();
            AwayFromTheBranch(branchMembers, i, today);
            extended |= ProbationOver(branchMembers, extended, today);
            if (bulk)
            {
                await Data.BulkInsert.InsertAsync(db, branchMembers, db.CurrentAgencyId ?? throw new AgencyScopeException("没有当前单位，不能保存单位数据。"), ct);
            }
            else
            {
                db.Members.AddRange(branchMembers);
                await db.SaveChangesAsync(ct);
            }
            members.AddRange(branchMembers.Select(m => m.Id));
            var full = branchMembers.Where(m => m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal).ToList();
            // Branches with 7 or more full members have a committee (one of them deliberately not, to show the warning).
            var posts = full.Count >= 7 && i != 1
                ? new[] { CommitteePost.Secretary, CommitteePost.DeputySecretary, CommitteePost.OrganizationCommissioner, CommitteePost.PublicityCommissioner, CommitteePost.DisciplineCommissioner }
                : [CommitteePost.Secretary];
            // The fourth branch changed its secretary three months ago: the former one stays on record (post history), so
            // the year's secretaries' lecture has two secretaries to count.
            DateOnly? secretaryChanged = i == 3 && full.Count > posts.Length && branch.TermStart is { } start && today.AddMonths(-3) > start ? today.AddMonths(-3) : null;
            for (var p = 0; p < Math.Min(posts.Length, full.Count); p++)
            {
                var since = posts[p] == CommitteePost.Secretary && secretaryChanged is { } changed ? changed : branch.TermStart;
                db.Posts.Add(new OrganizationPost { OrganizationId = branch.Id, MemberId = full[p].Id, Post = posts[p], Since = since });
                if (posts[p] == CommitteePost.Secretary) secretaries[branch.Id] = full[p].Id;
            }
            if (secretaryChanged is { } day)
                db.Posts.Add(new OrganizationPost { OrganizationId = branch.Id, MemberId = full[posts.Length].Id, Post = CommitteePost.Secretary, Since = branch.TermStart, Until = day.AddDays(-1) });
            await db.SaveChangesAsync(ct);
            // Only ids are kept: a tracker holding every earlier branch makes each save slower (bulk seeding).
            db.ChangeTracker.Clear();
        }
        return new Result(committee.Id, branchIds, secretaries, members);
    }

    private async Task<Organization> AddOrgAsync(Organization? parent, OrganizationKind kind, string name, bool window, (DateOnly? Start, DateOnly? End) term, CancellationToken ct)
    {
        var org = new Organization
        {
            ParentId = parent?.Id, Kind = kind, Name = name, IsWindowBranch = window,
            TermStart = term.Start, TermEnd = term.End,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        await SetPathsAsync(parent, [org], ct);
        return org;
    }

    /// <summary>Sibling organisations without terms (a branch's Party groups), saved together: two saves, not two each.</summary>
    private async Task<List<Organization>> AddOrgsAsync(Organization parent, OrganizationKind kind, IReadOnlyList<string> names, CancellationToken ct)
    {
        var orgs = names.Select(name => new Organization { ParentId = parent.Id, Kind = kind, Name = name }).ToList();
        db.Organizations.AddRange(orgs);
        await db.SaveChangesAsync(ct);
        await SetPathsAsync(parent, orgs, ct);
        return orgs;
    }

    private async Task SetPathsAsync(Organization? parent, IReadOnlyList<Organization> orgs, CancellationToken ct)
    {
        foreach (var org in orgs)
        {
            org.Path = (parent?.Path ?? "/") + org.Id + "/";
            db.Entry(org).Property(o => o.Path).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Term dates relative to the reference date: index 0 far off, 1 within 6 months, 2 within 3 months, 3 overdue, then varied.</summary>
    private static (DateOnly?, DateOnly?) TermFrom(Faker f, DateOnly today, int years, int index)
    {
        var end = index switch
        {
            0 => today.AddMonths(f.Random.Int(14, 30)),
            1 => today.AddMonths(5).AddDays(-f.Random.Int(0, 20)),
            2 => today.AddMonths(2).AddDays(-f.Random.Int(0, 20)),
            3 => today.AddDays(-f.Random.Int(10, 60)),
            _ => today.AddMonths(f.Random.Int(8, 34)),
        };
        return (end.AddYears(-years), end);
    }

    /// <summary>
    /// Besides the mobile full members the seed gives: in the first branch a probationary member who is mobile, in the
    /// second a full member out of contact for four months (neither holds a post; both still count).
    /// </summary>
    private static void AwayFromTheBranch(List<Member> branch, int index, DateOnly today)
    {
        if (index == 0 && branch.LastOrDefault(m => m.Stage == MemberStage.ProbationaryMember) is { } probationary)
            (probationary.Situation, probationary.SituationSince) = (MemberSituation.Mobile, today.AddMonths(-2));
        if (index == 1 && branch.LastOrDefault(m => m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal) is { } full)
            (full.Situation, full.SituationSince) = (MemberSituation.LostContact, today.AddMonths(-4));
    }

    /// <summary>
    /// The agency's first probationary member here as normal joined 15 months ago: their year is over and the branch
    /// extended it (the development module's demo records the extension). Set after the draws, so the seed's people stay.
    /// </summary>
    private static bool ProbationOver(List<Member> branch, bool done, DateOnly today)
    {
        if (done || branch.FirstOrDefault(m => m.Stage == MemberStage.ProbationaryMember && m.Situation == MemberSituation.Normal) is not { } m) return done;
        m.JoinedDate = today.AddMonths(-15);
        m.CandidateDate = m.JoinedDate.Value.AddMonths(-4);
        m.ActivistDate = m.CandidateDate.Value.AddMonths(-13);
        m.ApplicationDate = m.ActivistDate.Value.AddMonths(-3);
        return true;
    }

    // The sixth choice is the old "mobile" status: a full member working away.
    private enum Pick { Full, Probationary, Candidate, Activist, Applicant, MobileFull }

    /// <summary>A member drawn from the seed, with the ID and phone numbers still to protect.</summary>
    private static (Member, string IdNumber, string Phone) NewMember(Faker f, Randomizer extra, DateOnly today, int organizationId, int? groupId, bool small)
    {
        var gender = f.Random.Bool(0.45f) ? Gender.Female : Gender.Male;
        var birth = today.AddYears(-f.Random.Int(24, 59)).AddDays(-f.Random.Int(0, 364));
        var pick = small ? Pick.Full : f.Random.WeightedRandom(
            [Pick.Full, Pick.Probationary, Pick.Candidate, Pick.Activist, Pick.Applicant, Pick.MobileFull],
            [0.82f, 0.06f, 0.03f, 0.04f, 0.03f, 0.02f]);
        var stage = pick switch
        {
            Pick.Probationary => MemberStage.ProbationaryMember,
            Pick.Candidate => MemberStage.DevelopmentCandidate,
            Pick.Activist => MemberStage.Activist,
            Pick.Applicant => MemberStage.Applicant,
            _ => MemberStage.FullMember,
        };
        var joined = stage >= MemberStage.ProbationaryMember
            ? birth.AddYears(f.Random.Int(20, 35)) is var j && j < today ? j : today.AddYears(-1)
            : (DateOnly?)null;
        if (stage == MemberStage.ProbationaryMember) joined = today.AddMonths(-f.Random.Int(1, 11));
        var m = new Member
        {
            OrganizationId = organizationId,
            GroupId = groupId,
            Name = f.Name.LastName() + f.Name.FirstName(),
            Gender = gender,
            Ethnicity = f.PickRandom(Ethnicities),
            BirthDate = birth,
            Education = f.PickRandom(Educations),
            Title = f.PickRandom(Titles),
            Stage = stage,
            JoinedDate = joined,
            FullMemberDate = stage == MemberStage.FullMember && joined is { } jd ? jd.AddYears(1) : null,
            Situation = pick == Pick.MobileFull ? MemberSituation.Mobile : MemberSituation.Normal,
            SituationSince = pick == Pick.MobileFull ? today.AddMonths(-extra.Int(1, 30)) : null,
            IsLeadingCadre = f.Random.Bool(0.06f),
        };
        WayIn(m, extra, today);
        var idNumber = IdNumber(f, birth, gender);
        return (m, idNumber, f.PickRandom(MobilePrefixes) + f.Random.ReplaceNumbers("########"));
    }

    /// <summary>The dates of the stages before the present one, for those on the way in and the newly admitted (older records have none).</summary>
    private static void WayIn(Member m, Randomizer r, DateOnly today)
    {
        DateOnly? candidate = m.Stage switch
        {
            MemberStage.DevelopmentCandidate => today.AddDays(-r.Int(10, 150)),
            MemberStage.ProbationaryMember => m.JoinedDate!.Value.AddMonths(-r.Int(2, 6)),
            _ => null,
        };
        DateOnly? activist = m.Stage == MemberStage.Activist ? today.AddDays(-r.Int(30, 600))
            : candidate?.AddMonths(-r.Int(12, 18));
        DateOnly? applied = m.Stage == MemberStage.Applicant ? today.AddDays(-r.Int(3, 300)) : activist?.AddMonths(-r.Int(1, 6));
        (m.ApplicationDate, m.ActivistDate, m.CandidateDate) = (applied, activist, candidate);
    }

    /// <summary>A well-formed (checksummed) but invented resident ID number.</summary>
    public static string IdNumber(Faker f, DateOnly birth, Gender gender)
    {
        var seq = f.Random.Int(0, 99).ToString("D2") + (gender == Gender.Female ? f.PickRandom(0, 2, 4, 6, 8) : f.PickRandom(1, 3, 5, 7, 9));
        var body = f.PickRandom(Regions) + birth.ToString("yyyyMMdd") + seq;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
